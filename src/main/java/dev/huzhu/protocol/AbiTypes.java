package dev.huzhu.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Canonical ABI type names, as they appear in signatures: tuples spelled out as "(t1,t2)[]". */
final class AbiTypes {
    private AbiTypes() {}

    static String canonical(JsonNode input) {
        String type = input.path("type").asText();
        if (type.startsWith("tuple")) {
            List<String> parts = new ArrayList<>();
            for (JsonNode c : input.path("components")) {
                parts.add(canonical(c));
            }
            return "(" + String.join(",", parts) + ")" + type.substring("tuple".length());
        }
        return type;
    }
}
