package org.survkit.study.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A condition over the columns of one row, as written in a study file's group rules:
 *
 * <pre>
 *   (er == "positive" or pr == "positive") and her2 == "negative"
 *   age &gt;= 50 and grade in ["II", "III"]
 *   not (metastasis_site == "brain")
 * </pre>
 *
 * <p>Grammar (keywords {@code and}, {@code or}, {@code not}, {@code in} in any case):
 * <pre>
 *   expr       := and ("or" and)*
 *   and        := unary ("and" unary)*
 *   unary      := "not" unary | "(" expr ")" | comparison
 *   comparison := operand ("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") operand
 *               | operand ["not"] "in" "[" literal ("," literal)* "]"
 *   operand    := column | literal
 *   column     := name (letters, digits, _ and ., not starting with a digit) | `any text in backticks`
 *   literal    := "text" | 'text' | number
 * </pre>
 *
 * <p>Semantics: a comparison with a number compares numerically (the cell must then be a number;
 * anything else is an error naming the row, column and value); otherwise texts are compared
 * ignoring case and surrounding blanks ({@code "Positive" == "positive"}); two columns compare as
 * numbers when both cells are numbers, else as text. A comparison involving a missing cell (empty,
 * {@code NA}, {@code .} or a study's extra missing codes) is <b>false</b>, whatever the operator
 * (also {@code !=} and {@code not in}); {@code not} then simply negates, so
 * {@code not (er == "positive")} is true for a missing {@code er}. Write
 * {@code er == "negative"} to exclude the missing values.
 *
 * <p>Immutable and thread-safe once parsed; {@link #bind(List)} resolves column names to indices.
 */
public final class RuleExpression {

    /** A syntax error, with the 1-based character position in the expression. */
    public static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int position;

        SyntaxError(String message, int position) {
            super(message);
            this.position = position;
        }

        /** {@return the 1-based position of the problem in the expression} */
        public int position() {
            return position;
        }
    }

    /** A value that a comparison with a number cannot use. */
    public static final class ValueError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String column;
        private final String value;

        ValueError(String column, String value, String message) {
            super(message);
            this.column = column;
            this.value = value;
        }

        public String column() {
            return column;
        }

        public String value() {
            return value;
        }
    }

    /** The cells of one row: trimmed text, or null when missing. */
    public interface Row {
        String get(int column);
    }

    private enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    private sealed interface Expr permits And, Or, Not, Compare, In {
    }

    private record And(Expr left, Expr right) implements Expr {
    }

    private record Or(Expr left, Expr right) implements Expr {
    }

    private record Not(Expr inner) implements Expr {
    }

    private record Compare(Operand left, Op op, Operand right) implements Expr {
    }

    private record In(Operand left, boolean negated, List<Operand> values) implements Expr {
    }

    private sealed interface Operand permits ColumnRef, Text, Num {
    }

    /** A column with its position in the expression; index set by {@link #bind}. */
    private record ColumnRef(String name, int position) implements Operand {
    }

    private record Text(String value) implements Operand {
    }

    private record Num(double value, String spelling) implements Operand {
    }

    private final String text;
    private final Expr root;
    private final List<ColumnRef> columns;
    private final Map<String, Integer> index;

    private RuleExpression(String text, Expr root, List<ColumnRef> columns, Map<String, Integer> index) {
        this.text = text;
        this.root = root;
        this.columns = columns;
        this.index = index;
    }

    /**
     * Parses an expression.
     *
     * @param text the expression
     * @return the unbound expression
     * @throws SyntaxError with the position of the problem
     */
    public static RuleExpression parse(String text) {
        Objects.requireNonNull(text, "text");
        Parser p = new Parser(text);
        Expr e = p.parse();
        return new RuleExpression(text, e, List.copyOf(p.columns), Map.of());
    }

    /** {@return the expression as written} */
    public String text() {
        return text;
    }

    /** {@return the column names used, each once, in order of first use} */
    public Set<String> columnNames() {
        Set<String> s = new LinkedHashSet<>();
        for (ColumnRef c : columns) {
            s.add(c.name());
        }
        return s;
    }

    /** {@return the 1-based position of the first use of a column} */
    public int positionOf(String column) {
        for (ColumnRef c : columns) {
            if (c.name().equals(column)) {
                return c.position();
            }
        }
        return -1;
    }

    /**
     * Resolves column names to indices of {@code header} (exact names).
     *
     * @param header the column names of the rows to evaluate
     * @return the bound expression
     * @throws SyntaxError naming the first unknown column and its position
     */
    public RuleExpression bind(List<String> header) {
        Map<String, Integer> idx = new java.util.HashMap<>();
        for (ColumnRef c : columns) {
            int i = header.indexOf(c.name());
            if (i < 0) {
                throw new SyntaxError("unknown column '" + c.name() + "'", c.position());
            }
            idx.put(c.name(), i);
        }
        return new RuleExpression(text, root, columns, Map.copyOf(idx));
    }

    /**
     * Evaluates the expression on a row of a bound expression.
     *
     * @throws ValueError when a cell compared with a number is not a number
     */
    public boolean test(Row row) {
        return eval(root, row);
    }

    /**
     * Decides the expression on a row of a bound expression in three-valued logic, as SQL's {@code WHERE} and the
     * eligibility criteria of a study read it: a comparison involving a missing cell is <i>unknown</i> (null), and
     * {@code and}, {@code or}, {@code not} propagate unknown unless the other side decides (Kleene's logic):
     * {@code false and unknown} is false, {@code true or unknown} true, {@code not unknown} unknown. So
     * {@code age >= 18 or consent == "yes"} holds for a missing age when consent is yes, and
     * {@code not (stage == "IV")} is unknown, not true, for a missing stage. {@link #test} instead treats a
     * comparison with a missing cell as false (the group rules' reading).
     *
     * @param row the row's cells
     * @return true, false, or null when the missing cells leave the expression undecided
     * @throws ValueError when a cell compared with a number is not a number
     */
    public Boolean decide(Row row) {
        return decide(root, row);
    }

    /**
     * {@return the columns of the expression whose cell is missing on the row, each once, in order of first use}
     *
     * @param row the row's cells (of a bound expression)
     */
    public List<String> missingIn(Row row) {
        List<String> out = new ArrayList<>();
        for (ColumnRef c : columns) {
            if (!out.contains(c.name()) && value(c, row) == null) {
                out.add(c.name());
            }
        }
        return out;
    }

    private Boolean decide(Expr e, Row row) {
        if (e instanceof And a) {
            Boolean l = decide(a.left(), row);
            if (Boolean.FALSE.equals(l)) {
                return false;
            }
            Boolean r = decide(a.right(), row);
            return Boolean.FALSE.equals(r) ? Boolean.FALSE : l == null || r == null ? null : Boolean.TRUE;
        }
        if (e instanceof Or o) {
            Boolean l = decide(o.left(), row);
            if (Boolean.TRUE.equals(l)) {
                return true;
            }
            Boolean r = decide(o.right(), row);
            return Boolean.TRUE.equals(r) ? Boolean.TRUE : l == null || r == null ? null : Boolean.FALSE;
        }
        if (e instanceof Not n) {
            Boolean inner = decide(n.inner(), row);
            return inner == null ? null : !inner;
        }
        if (e instanceof Compare c) {
            return value(c.left(), row) == null || value(c.right(), row) == null ? null
                    : compare(c.left(), c.op(), c.right(), row);
        }
        In in = (In) e;
        return value(in.left(), row) == null ? null : eval(in, row);
    }

    private boolean eval(Expr e, Row row) {
        if (e instanceof And a) {
            return eval(a.left(), row) && eval(a.right(), row);
        }
        if (e instanceof Or o) {
            return eval(o.left(), row) || eval(o.right(), row);
        }
        if (e instanceof Not n) {
            return !eval(n.inner(), row);
        }
        if (e instanceof Compare c) {
            return compare(c.left(), c.op(), c.right(), row);
        }
        In in = (In) e;
        if (value(in.left(), row) == null) {
            return false;
        }
        boolean any = false;
        for (Operand v : in.values()) {
            if (compare(in.left(), Op.EQ, v, row)) {
                any = true;
                break;
            }
        }
        return in.negated() != any;
    }

    private String value(Operand o, Row row) {
        if (o instanceof ColumnRef c) {
            Integer i = index.get(c.name());
            if (i == null) {
                throw new IllegalStateException("expression not bound to the table's columns: " + text);
            }
            return row.get(i);
        }
        return o instanceof Text t ? t.value() : ((Num) o).spelling();
    }

    private boolean compare(Operand left, Op op, Operand right, Row row) {
        String a = value(left, row);
        String b = value(right, row);
        if (a == null || b == null) {
            return false;
        }
        int c;
        if (left instanceof Num || right instanceof Num) {
            double x = number(left, a, right);
            double y = number(right, b, left);
            c = Double.compare(x, y);
        } else if (left instanceof ColumnRef && right instanceof ColumnRef && isNumber(a) && isNumber(b)) {
            c = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } else {
            String x = a.trim().toLowerCase(Locale.ROOT);
            String y = b.trim().toLowerCase(Locale.ROOT);
            c = x.compareTo(y);
        }
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }

    private static double number(Operand o, String value, Operand other) {
        if (o instanceof Num n) {
            return n.value();
        }
        if (isNumber(value)) {
            return Double.parseDouble(value.trim());
        }
        String name = o instanceof ColumnRef c ? c.name() : null;
        String with = other instanceof Num n ? n.spelling() : "a number";
        throw new ValueError(name, value, "value \"" + value + "\"" + (name == null ? "" : " of column '" + name + "'")
                + " is not a number, but the rule compares it with " + with);
    }

    public static boolean isNumber(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        if (!Character.isDigit(last) && last != '.') {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E')) {
                return false;
            }
        }
        try {
            Double.parseDouble(t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "RuleExpression[" + text + "]";
    }

    // ---------------------------------------------------------------- parser

    private enum Kind { NAME, COLUMN, STRING, NUMBER, OP, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, AND, OR, NOT, IN,
        END }

    private record Token(Kind kind, String text, int position) {
    }

    /** Recursive descent over a token list; positions are 1-based character offsets. */
    private static final class Parser {
        private final String src;
        private final List<Token> tokens;
        private final List<ColumnRef> columns = new ArrayList<>();
        private int at;

        Parser(String src) {
            this.src = src;
            this.tokens = tokenize(src);
        }

        Expr parse() {
            if (tokens.get(0).kind() == Kind.END) {
                throw new SyntaxError("the rule is empty; write a condition such as er == \"positive\"", 1);
            }
            Expr e = or();
            Token t = peek();
            if (t.kind() != Kind.END) {
                throw new SyntaxError(unexpected(t) + "; expected 'and', 'or' or the end of the rule", t.position());
            }
            return e;
        }

        private Expr or() {
            Expr e = and();
            while (peek().kind() == Kind.OR) {
                next();
                e = new Or(e, and());
            }
            return e;
        }

        private Expr and() {
            Expr e = unary();
            while (peek().kind() == Kind.AND) {
                next();
                e = new And(e, unary());
            }
            return e;
        }

        private Expr unary() {
            Token t = peek();
            if (t.kind() == Kind.NOT) {
                next();
                return new Not(unary());
            }
            if (t.kind() == Kind.LPAREN) {
                next();
                Expr e = or();
                Token close = peek();
                if (close.kind() != Kind.RPAREN) {
                    throw new SyntaxError(unexpected(close) + "; expected ')' to close the '(' at position "
                            + t.position(), close.position());
                }
                next();
                return e;
            }
            return comparison();
        }

        private Expr comparison() {
            Operand left = operand("a column, a text or a number");
            Token t = peek();
            if (t.kind() == Kind.OP) {
                next();
                Op op = op(t);
                Operand right = operand("a column, a text or a number after '" + t.text() + "'");
                return new Compare(left, op, right);
            }
            boolean negated = false;
            if (t.kind() == Kind.NOT && peekAt(1).kind() == Kind.IN) {
                next();
                negated = true;
                t = peek();
            }
            if (t.kind() == Kind.IN) {
                next();
                return new In(left, negated, list());
            }
            if (t.kind() == Kind.NAME && t.text().equals("=")) {
                throw new SyntaxError("'=' is not a comparison; write '==' to test equality", t.position());
            }
            String what = left instanceof ColumnRef c ? "column '" + c.name() + "'" : "'" + tokenAt(left) + "'";
            throw new SyntaxError(unexpected(t) + "; expected a comparison (==, !=, <, <=, >, >= or in [...]) after "
                    + what, t.position());
        }

        private String tokenAt(Operand o) {
            return o instanceof Text x ? "\"" + x.value() + "\"" : o instanceof Num n ? n.spelling() : "?";
        }

        private List<Operand> list() {
            Token open = peek();
            if (open.kind() != Kind.LBRACKET) {
                throw new SyntaxError(unexpected(open) + "; expected '[' to start the list after 'in', e.g."
                        + " in [\"II\", \"III\"]", open.position());
            }
            next();
            List<Operand> values = new ArrayList<>();
            while (true) {
                Token t = peek();
                if (t.kind() == Kind.STRING) {
                    next();
                    values.add(new Text(t.text()));
                } else if (t.kind() == Kind.NUMBER) {
                    next();
                    values.add(new Num(Double.parseDouble(t.text()), t.text()));
                } else {
                    throw new SyntaxError(unexpected(t) + "; the list after 'in' holds quoted texts or numbers",
                            t.position());
                }
                Token sep = peek();
                if (sep.kind() == Kind.COMMA) {
                    next();
                    continue;
                }
                if (sep.kind() == Kind.RBRACKET) {
                    next();
                    return values;
                }
                throw new SyntaxError(unexpected(sep) + "; expected ',' or ']' in the list opened at position "
                        + open.position(), sep.position());
            }
        }

        private Operand operand(String expected) {
            Token t = peek();
            switch (t.kind()) {
                case NAME, COLUMN -> {
                    next();
                    ColumnRef c = new ColumnRef(t.text(), t.position());
                    columns.add(c);
                    return c;
                }
                case STRING -> {
                    next();
                    return new Text(t.text());
                }
                case NUMBER -> {
                    next();
                    return new Num(Double.parseDouble(t.text()), t.text());
                }
                default -> throw new SyntaxError(unexpected(t) + "; expected " + expected, t.position());
            }
        }

        private static Op op(Token t) {
            for (Op o : Op.values()) {
                if (o.symbol.equals(t.text())) {
                    return o;
                }
            }
            throw new IllegalStateException(t.text());
        }

        private String unexpected(Token t) {
            return switch (t.kind()) {
                case END -> "the rule ends too early";
                case STRING -> "unexpected text \"" + t.text() + "\"";
                case COLUMN -> "unexpected column `" + t.text() + "`";
                default -> "unexpected '" + t.text() + "'";
            };
        }

        private Token peek() {
            return tokens.get(at);
        }

        private Token peekAt(int ahead) {
            return tokens.get(Math.min(at + ahead, tokens.size() - 1));
        }

        private void next() {
            if (at < tokens.size() - 1) {
                at++;
            }
        }

        private static List<Token> tokenize(String s) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                int pos = i + 1;
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(') {
                    out.add(new Token(Kind.LPAREN, "(", pos));
                    i++;
                } else if (c == ')') {
                    out.add(new Token(Kind.RPAREN, ")", pos));
                    i++;
                } else if (c == '[') {
                    out.add(new Token(Kind.LBRACKET, "[", pos));
                    i++;
                } else if (c == ']') {
                    out.add(new Token(Kind.RBRACKET, "]", pos));
                    i++;
                } else if (c == ',') {
                    out.add(new Token(Kind.COMMA, ",", pos));
                    i++;
                } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                    boolean eq = i + 1 < n && s.charAt(i + 1) == '=';
                    if (c == '=' && !eq) {
                        throw new SyntaxError("'=' is not a comparison; write '==' to test equality", pos);
                    }
                    if (c == '!' && !eq) {
                        throw new SyntaxError("'!' alone is not an operator; write 'not' to negate or '!=' for"
                                + " 'differs from'", pos);
                    }
                    String op = eq ? c + "=" : String.valueOf(c);
                    out.add(new Token(Kind.OP, op, pos));
                    i += op.length();
                } else if (c == '&' || c == '|') {
                    throw new SyntaxError("'" + c + "' is not an operator here; write '" + (c == '&' ? "and" : "or")
                            + "'", pos);
                } else if (c == '"' || c == '\'') {
                    StringBuilder sb = new StringBuilder();
                    int j = i + 1;
                    boolean closed = false;
                    while (j < n) {
                        char d = s.charAt(j);
                        if (d == '\\' && j + 1 < n) {
                            sb.append(s.charAt(j + 1));
                            j += 2;
                        } else if (d == c) {
                            closed = true;
                            j++;
                            break;
                        } else {
                            sb.append(d);
                            j++;
                        }
                    }
                    if (!closed) {
                        throw new SyntaxError("the text starting with " + c + " is not closed; add the closing " + c,
                                pos);
                    }
                    out.add(new Token(Kind.STRING, sb.toString(), pos));
                    i = j;
                } else if (c == '`') {
                    int j = s.indexOf('`', i + 1);
                    if (j < 0) {
                        throw new SyntaxError("the column name starting with ` is not closed; add the closing `", pos);
                    }
                    out.add(new Token(Kind.COLUMN, s.substring(i + 1, j), pos));
                    i = j + 1;
                } else if (Character.isDigit(c) || (c == '-' || c == '.') && i + 1 < n
                        && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '.')) {
                    int j = i + 1;
                    while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == 'e'
                            || s.charAt(j) == 'E' || (s.charAt(j) == '-' || s.charAt(j) == '+')
                            && (s.charAt(j - 1) == 'e' || s.charAt(j - 1) == 'E'))) {
                        j++;
                    }
                    String num = s.substring(i, j);
                    try {
                        Double.parseDouble(num);
                    } catch (NumberFormatException e) {
                        throw new SyntaxError("'" + num + "' is not a number", pos);
                    }
                    if (j < n && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '_')) {
                        throw new SyntaxError("a column name cannot start with a digit; write `" + num
                                + s.charAt(j) + "...` in backticks", pos);
                    }
                    out.add(new Token(Kind.NUMBER, num, pos));
                    i = j;
                } else if (Character.isLetter(c) || c == '_') {
                    int j = i + 1;
                    while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_'
                            || s.charAt(j) == '.')) {
                        j++;
                    }
                    String word = s.substring(i, j);
                    Kind k = switch (word.toLowerCase(Locale.ROOT)) {
                        case "and" -> Kind.AND;
                        case "or" -> Kind.OR;
                        case "not" -> Kind.NOT;
                        case "in" -> Kind.IN;
                        default -> Kind.NAME;
                    };
                    out.add(new Token(k, word, pos));
                    i = j;
                } else {
                    throw new SyntaxError("unexpected character '" + c + "'; column names with spaces or symbols are"
                            + " written in backticks, texts in quotes", pos);
                }
            }
            out.add(new Token(Kind.END, "", s.length() + 1));
            return out;
        }
    }
}
