package org.quartermaster.journal;

import java.util.HexFormat;

final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
