package org.vss4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import org.vss4j.NativeEnum;

/**
 * {@code --json} output: one document on stdout and nothing else (notes go to stderr). The documents are
 * {@link JsonForms}; instants in ISO-8601, GUIDs without braces, and any enum of the binding by its Windows name.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule()
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addSerializer(NativeEnum.class, new NativeNameSerializer()))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
        out.flush();
    }

    /** {@code VSS_BT_COPY}, not {@code COPY}: the name the text output and the Windows headers use. */
    private static final class NativeNameSerializer extends StdSerializer<NativeEnum> {

        NativeNameSerializer() {
            super(NativeEnum.class);
        }

        @Override
        public void serialize(NativeEnum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.nativeName());
        }
    }
}
