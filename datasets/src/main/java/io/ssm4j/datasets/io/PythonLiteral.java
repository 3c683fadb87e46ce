package io.ssm4j.datasets.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small part of Python's literal syntax that NPY headers use: dicts, tuples, lists, quoted
 * strings, {@code True}/{@code False}/{@code None} and integers (with the {@code L} suffix Python 2 wrote).
 * Values come back as {@code Map<String, Object>} (insertion order), {@code List<Object>}, {@code String},
 * {@code Boolean}, {@code Long} or {@link #NONE}. Anything else is a {@link FileFormatException} that names
 * the source and the character offset.
 */
final class PythonLiteral {
    /** Python's {@code None}. */
    static final Object NONE = new Object() {
        @Override
        public String toString() { return "None"; }
    };

    private final String text;
    private final String source;
    private int pos;

    private PythonLiteral(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /** Parses text holding exactly one literal, surrounded by optional white space. */
    static Object parse(String text, String source) throws FileFormatException {
        PythonLiteral p = new PythonLiteral(text, source);
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) throw p.error("unexpected text after the literal");
        return value;
    }

    private Object value() throws FileFormatException {
        skipSpace();
        if (pos >= text.length()) throw error("unexpected end of header");
        char c = text.charAt(pos);
        switch (c) {
            case '{': return dict();
            case '(': return sequence('(', ')');
            case '[': return sequence('[', ']');
            case '\'':
            case '"': return string();
            default:
                if (c == '-' || c == '+' || Character.isDigit(c)) return integer();
                if (Character.isLetter(c)) return word();
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> dict() throws FileFormatException {
        expect('{');
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            Object key = value();
            if (!(key instanceof String)) throw error("dict key " + key + " is not a string");
            skipSpace();
            expect(':');
            Object v = value();
            if (map.put((String) key, v) != null) throw error("duplicate key '" + key + "'");
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw error("expected ',' or '}' in dict");
            }
        }
    }

    private List<Object> sequence(char open, char close) throws FileFormatException {
        expect(open);
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                return items;
            }
            items.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private String string() throws FileFormatException {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) return sb.toString();
            if (c == '\\') {
                if (pos >= text.length()) break;
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n': sb.append('\n'); break;
                    case 't': sb.append('\t'); break;
                    case '\\': case '\'': case '"': sb.append(e); break;
                    default: sb.append('\\').append(e);
                }
            } else {
                sb.append(c);
            }
        }
        throw error("unterminated string");
    }

    private Long integer() throws FileFormatException {
        int start = pos;
        if (peek() == '-' || peek() == '+') pos++;
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        if (pos == digits) throw error("expected digits");
        String number = text.substring(start, pos);
        if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) pos++;
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw error("integer " + number + " out of range");
        }
    }

    private Object word() throws FileFormatException {
        int start = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) pos++;
        String w = text.substring(start, pos);
        switch (w) {
            case "True": return Boolean.TRUE;
            case "False": return Boolean.FALSE;
            case "None": return NONE;
            default:
                pos = start;
                throw error("unknown name '" + w + "'");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private char peek() throws FileFormatException {
        if (pos >= text.length()) throw error("unexpected end of header");
        return text.charAt(pos);
    }

    private void expect(char c) throws FileFormatException {
        if (peek() != c) throw error("expected '" + c + "'");
        pos++;
    }

    private FileFormatException error(String problem) {
        return FileFormatException.of(source, "header dictionary",
                problem + " at offset " + pos + " in " + quoteForMessage(text));
    }

    private static String quoteForMessage(String s) {
        String t = s.strip();
        return "\"" + (t.length() > 200 ? t.substring(0, 200) + "..." : t) + "\"";
    }
}
