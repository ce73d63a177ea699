package org.vss4j.abi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The top-level classes of one package as found on the class path, from a directory ({@code target/classes}) or a
 * jar, so a binding added there cannot be forgotten in {@link AbiCatalog}.
 */
final class PackageClasses {

    private PackageClasses() {
    }

    static List<Class<?>> scan(String packageName) {
        String dir = packageName.replace('.', '/');
        List<String> classNames = new ArrayList<>();
        try {
            for (URL url : Collections.list(PackageClasses.class.getClassLoader().getResources(dir))) {
                if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.map(f -> f.getFileName().toString()).forEach(classNames::add);
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    JarURLConnection jar = (JarURLConnection) url.openConnection();
                    jar.getJarFile().stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(dir + "/") && n.indexOf('/', dir.length() + 1) < 0)
                            .map(n -> n.substring(dir.length() + 1)).forEach(classNames::add);
                } else {
                    throw new IllegalStateException("cannot list " + url);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String file : classNames) {
            if (file.endsWith(".class") && !file.contains("$") && !file.equals("package-info.class")) {
                String name = packageName + "." + file.substring(0, file.length() - ".class".length());
                try {
                    classes.add(Class.forName(name, false, PackageClasses.class.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(name, e);
                }
            }
        }
        return classes;
    }
}
