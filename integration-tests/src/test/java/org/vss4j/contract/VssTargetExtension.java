package org.vss4j.contract;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each contract test a fresh {@link VssTarget} and starts its {@link Budget}; afterwards checks for leaks and
 * closes the target, which unexposes and unlinks before it deletes anything ({@link WorkDirectoryCleanup}).
 */
final class VssTargetExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(VssTargetExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Budget.start(Duration.ofMinutes(Steps.BUDGET_MINUTES));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == VssTarget.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent(VssTarget.class, k -> {
            try {
                return VssTarget.open();
            } catch (Exception e) {
                throw new IllegalStateException("cannot set up the VSS target", e);
            }
        }, VssTarget.class);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        VssTarget target = context.getStore(NS).remove(VssTarget.class, VssTarget.class);
        if (target != null) {
            try {
                target.verifyNothingLeaked();
            } finally {
                target.close();
            }
        }
    }
}
