package dev.tokenbill.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** A YAML node with its line, and typed accessors that fail with the file and line of the value. */
final class YamlNode {

    private final String file;
    private final Node node;

    YamlNode(String file, Node node) {
        this.file = file;
        this.node = node;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    CatalogException error(String problem) {
        return new CatalogException(file, line(), problem);
    }

    /** The entries of a mapping, rejecting keys outside {@code allowed} and duplicated keys. */
    Map<String, YamlNode> mapping(String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(what + " must be a mapping");
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = new YamlNode(file, tuple.getKeyNode());
            String name = key.scalar(what + " key");
            if (allowed != null && !allowed.contains(name)) {
                throw key.error("unknown key '" + name + "' in " + what + " (allowed: " + String.join(", ", allowed) + ")");
            }
            if (entries.put(name, new YamlNode(file, tuple.getValueNode())) != null) {
                throw key.error("duplicate key '" + name + "' in " + what);
            }
        }
        return entries;
    }

    List<YamlNode> sequence(String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(what + " must be a list");
        }
        List<YamlNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(new YamlNode(file, item));
        }
        return items;
    }

    boolean isNull() {
        return node instanceof ScalarNode scalar && scalar.getTag().getValue().endsWith(":null");
    }

    String scalar(String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(what + " must be a single value");
        }
        return scalar.getValue().strip();
    }

    /** {@code true} or {@code false}, nothing else (no yes/no/on/off, which YAML 1.1 readers disagree on). */
    boolean bool(String what) {
        String text = scalar(what);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw error(what + " must be true or false, got '" + text + "'");
    }

    /** A non-negative decimal; quoted or not, it is read as text so no binary rounding happens. */
    BigDecimal decimal(String what) {
        String text = scalar(what);
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw error(what + " must be a decimal number, got '" + text + "'");
        }
        if (value.signum() < 0) {
            throw error(what + " must not be negative, got " + text);
        }
        return value;
    }

    /** A text that the database stores in a column of {@code limit}'s size. */
    String storedText(String what, StoredLength limit) {
        return storedText(what, limit.max());
    }

    String storedText(String what, int max) {
        String text = scalar(what);
        StoredLength.tooLong(what, text, max).ifPresent(problem -> {
            throw error(problem);
        });
        return text;
    }

    /** A money amount in {@code currency}: not negative, at most the currency's decimals ({@link MoneyAmounts}). */
    BigDecimal amount(String what, Currency currency) {
        BigDecimal value = decimal(what);
        MoneyAmounts.problem(what, value, currency).ifPresent(problem -> {
            throw error(problem);
        });
        return value;
    }
}
