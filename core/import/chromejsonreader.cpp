#include "import/chromejsonreader.h"

#include "import/traceassembler.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace gilscope::core {

namespace {

// A pull tokenizer over JSON text. Every method skips leading white space; on bad input it
// records what is wrong and where, and returns false.
class JsonCursor {
public:
    JsonCursor(const char *begin, const char *end)
        : m_begin(begin)
        , m_p(begin)
        , m_end(end) {}

    // A UTF-8 byte order mark, which some Windows tools put first.
    void skipByteOrderMark() {
        if (m_end - m_p >= 3 && std::memcmp(m_p, "\xEF\xBB\xBF", 3) == 0)
            m_p += 3;
    }
    bool atEnd() {
        ws();
        return m_p >= m_end;
    }
    char peek() {
        ws();
        return m_p < m_end ? *m_p : '\0';
    }
    // Consumes `c` if it is next.
    bool accept(char c) {
        if (peek() != c)
            return false;
        ++m_p;
        return true;
    }
    bool expect(char c, const char *what) { return accept(c) || fail(what); }
    // An object member's name and its colon.
    bool key(std::string_view &out, std::string &decoded) {
        if (atEnd())
            return fail("unterminated object");
        return string(out, decoded) && expect(':', "missing name separator");
    }

    // A string: a view into the text, or into `decoded` when it holds escapes.
    bool string(std::string_view &out, std::string &decoded) {
        if (!expect('"', "illegal value"))
            return false;
        // Trace strings are short and plain: one pass finds the end, or the first escape.
        const char *start = m_p;
        const char *c = start;
        while (c < m_end && *c != '"' && *c != '\\' && static_cast<unsigned char>(*c) >= 0x20)
            ++c;
        if (c < m_end && *c == '"') {
            out = std::string_view(start, static_cast<std::size_t>(c - start));
            m_p = c + 1;
            return true;
        }
        if (c >= m_end) {
            m_p = m_end;
            return fail("unterminated string");
        }
        decoded.assign(start, c);
        m_p = c;
        while (true) {
            if (m_p >= m_end)
                return fail("unterminated string");
            const char c = *m_p++;
            if (c == '"')
                break;
            if (static_cast<unsigned char>(c) < 0x20) {
                --m_p;
                return fail("illegal value");
            }
            if (c != '\\') {
                decoded += c;
                continue;
            }
            if (m_p >= m_end)
                return fail("unterminated string");
            switch (const char e = *m_p++) {
            case '"':
            case '\\':
            case '/':
                decoded += e;
                break;
            case 'b':
                decoded += '\b';
                break;
            case 'f':
                decoded += '\f';
                break;
            case 'n':
                decoded += '\n';
                break;
            case 'r':
                decoded += '\r';
                break;
            case 't':
                decoded += '\t';
                break;
            case 'u': {
                unsigned code = 0;
                if (!hex4(code))
                    return false;
                if (code >= 0xD800 && code < 0xDC00 && m_end - m_p >= 6 && m_p[0] == '\\' &&
                    m_p[1] == 'u') {
                    m_p += 2;
                    unsigned low = 0;
                    if (!hex4(low))
                        return false;
                    code = low >= 0xDC00 && low < 0xE000
                               ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                               : 0xFFFD;
                } else if (code >= 0xD800 && code < 0xE000) {
                    code = 0xFFFD; // a lone surrogate
                }
                appendUtf8(decoded, code);
                break;
            }
            default:
                --m_p;
                return fail("illegal escape sequence");
            }
        }
        out = decoded;
        return true;
    }

    // A JSON number (strict grammar), as the nearest double.
    bool number(double &out) {
        ws();
        const char *start = m_p;
        const char *p = m_p;
        const bool negative = p < m_end && *p == '-';
        p += negative;
        // Digits are gathered as they are checked: most trace numbers are decimals with at most
        // three places (ns in µs), for which one correctly rounded division gives the same
        // double as parsing the text, several times faster.
        std::uint64_t whole = 0;
        int digits = 0, places = 0;
        const char *first = p;
        while (p < m_end && static_cast<unsigned>(*p - '0') < 10) {
            whole = whole * 10 + static_cast<unsigned>(*p - '0');
            ++p;
        }
        digits = static_cast<int>(p - first);
        if (digits == 0 || (*first == '0' && digits > 1))
            return fail("illegal number");
        if (p < m_end && *p == '.') {
            const char *frac = ++p;
            while (p < m_end && static_cast<unsigned>(*p - '0') < 10) {
                whole = whole * 10 + static_cast<unsigned>(*p - '0');
                ++p;
            }
            places = static_cast<int>(p - frac);
            if (places == 0)
                return fail("illegal number");
            digits += places;
        }
        bool exponent = false;
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            exponent = true;
            ++p;
            if (p < m_end && (*p == '+' || *p == '-'))
                ++p;
            const char *exp = p;
            while (p < m_end && static_cast<unsigned>(*p - '0') < 10)
                ++p;
            if (p == exp)
                return fail("illegal number");
        }
        m_p = p;
        if (!exponent && digits <= 15 && places <= 3) {
            static constexpr double kScale[] = {1, 10, 100, 1000};
            out = static_cast<double>(whole) / kScale[places];
            if (negative)
                out = -out;
            return true;
        }
        const auto result = std::from_chars(start, p, out);
        if (result.ec == std::errc::result_out_of_range) {
            // 1e999 is refused by the range checks later; 1e-999 is 0.
            const std::string_view text(start, static_cast<std::size_t>(p - start));
            const bool tiny = text.find("e-") != text.npos || text.find("E-") != text.npos;
            out = tiny ? 0.0 : negative ? -HUGE_VAL : HUGE_VAL;
        }
        return true;
    }

    // Whatever value comes next, checked but not kept.
    bool skipValue() {
        const char first = peek();
        if (first == '"') { // the usual case, without the containers' bookkeeping
            std::string_view text;
            return string(text, m_skipped);
        }
        if (first == '-' || (first >= '0' && first <= '9')) {
            double ignored = 0;
            return number(ignored);
        }
        std::vector<char> closers; // what each open container needs
        std::string scratch;
        std::string_view text;
        do {
            const char c = peek();
            if (c == '{' || c == '[') {
                ++m_p;
                closers.push_back(c == '{' ? '}' : ']');
                if (accept(closers.back())) {
                    closers.pop_back();
                } else if (c == '{') {
                    if (!key(text, scratch))
                        return false;
                    continue;
                } else {
                    continue;
                }
            } else if (c == '"') {
                if (!string(text, scratch))
                    return false;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                double ignored = 0;
                if (!number(ignored))
                    return false;
            } else if (!literal()) {
                return false;
            }
            // After a value: close the containers it completes, or go on to the next member.
            while (!closers.empty()) {
                if (accept(closers.back())) {
                    closers.pop_back();
                    continue;
                }
                if (!expect(',',
                            closers.back() == '}' ? "unterminated object" : "unterminated array"))
                    return false;
                if (closers.back() == '}' && !key(text, scratch))
                    return false;
                break;
            }
        } while (!closers.empty());
        return true;
    }

    // true, false or null; `isNull` says which was read when asked.
    bool literal(bool *isNull = nullptr) {
        ws();
        for (const std::string_view word : {"true", "false", "null"})
            if (static_cast<std::size_t>(m_end - m_p) >= word.size() &&
                std::memcmp(m_p, word.data(), word.size()) == 0) {
                m_p += word.size();
                if (isNull)
                    *isNull = word == "null";
                return true;
            }
        return fail("illegal value");
    }

    bool fail(const char *what) {
        if (m_error.empty()) {
            m_error = what;
            m_errorAt = m_p;
        }
        return false;
    }
    std::size_t offset() const { return static_cast<std::size_t>(m_p - m_begin); }

    // "line 2, column 13: unterminated object (the file looks truncated)"
    std::string error() const {
        int line = 1, column = 1;
        const std::size_t at =
            std::min<std::size_t>(static_cast<std::size_t>(m_errorAt - m_begin) + 1,
                                  static_cast<std::size_t>(m_end - m_begin));
        for (std::size_t i = 0; i + 1 < at; ++i) {
            if (m_begin[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " +
               m_error + (m_errorAt >= m_end ? " (the file looks truncated)" : "");
    }

private:
    void ws() {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool hex4(unsigned &code) {
        if (m_end - m_p < 4)
            return fail("illegal escape sequence");
        for (int i = 0; i < 4; ++i) {
            const char h = *m_p++;
            const int v = h >= '0' && h <= '9'   ? h - '0'
                          : h >= 'a' && h <= 'f' ? h - 'a' + 10
                          : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                 : -1;
            if (v < 0) {
                --m_p;
                return fail("illegal escape sequence");
            }
            code = code * 16 + static_cast<unsigned>(v);
        }
        return true;
    }
    static void appendUtf8(std::string &out, unsigned code) {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    std::string m_error;
    const char *m_errorAt = nullptr;
    std::string m_skipped;
};

// A number field as the event held it: absent, a number, or something else.
struct NumberField {
    bool present = false, isNumber = false;
    double value = 0;
    void clear() { *this = {}; }
};

// One event's fields, reused from event to event so that reading allocates nothing per event.
struct Event {
    std::string_view ph, name, cat, id, argName, argKind;
    std::string phText, nameText, catText, idText, argNameText, argKindText;
    NumberField pid, tid, ts, dur, argGil, argSortIndex, argItems;

    void clear() {
        ph = name = cat = id = argName = argKind = {};
        argItems.clear();
        pid.clear();
        tid.clear();
        ts.clear();
        dur.clear();
        argGil.clear();
        argSortIndex.clear();
    }
};

// pid and tid: integers in the file (a fraction or a string reads as 0, as before).
long long integerOf(const NumberField &field) {
    if (!field.isNumber || !(std::fabs(field.value) < 9e18) ||
        field.value != std::trunc(field.value))
        return 0;
    return static_cast<long long>(field.value);
}

// "EVENT: ts -1e+300 µs is outside ±4.61169e+15 µs (2^62 ns)"
Error outsideLimit(const std::string &where, const std::string &what, double us) {
    return Error{where + ": " + what + " " + microsText(us) + " is outside \u00b1" +
                 microsText(static_cast<double>(kTraceTimeLimitNs) / 1000.0) + " (2^62 ns)"};
}

// The event fields read; the rest are skipped.
enum EventKey {
    Key_other,
    Key_ph,
    Key_name,
    Key_ts,
    Key_dur,
    Key_pid,
    Key_tid,
    Key_cat,
    Key_id,
    Key_args
};

EventKey fieldOf(std::string_view key) {
    switch (key.size()) {
    case 2:
        return key == "ph" ? Key_ph : key == "ts" ? Key_ts : key == "id" ? Key_id : Key_other;
    case 3:
        return key == "dur"   ? Key_dur
               : key == "pid" ? Key_pid
               : key == "tid" ? Key_tid
               : key == "cat" ? Key_cat
               : key == "id2" ? Key_id
                              : Key_other;
    case 4:
        return key == "name" ? Key_name : key == "args" ? Key_args : Key_other;
    default:
        return Key_other;
    }
}

class ChromeJsonReader {
public:
    ChromeJsonReader(QByteArrayView json, const std::string &source, const LoadControl &control)
        : m_in(json.data(), json.data() + json.size())
        , m_size(static_cast<std::size_t>(json.size()))
        , m_source(source)
        , m_control(control)
        , m_assembler(source) {}

    Result<TracePtr> read() {
        m_in.skipByteOrderMark();
        bool sawEvents = false;
        if (m_in.peek() == '[') {
            sawEvents = true;
            if (!events())
                return failure();
        } else if (m_in.accept('{')) {
            if (!m_in.accept('}'))
                do {
                    std::string_view key;
                    if (!m_in.key(key, m_key))
                        return failure();
                    if (key == "traceEvents" && m_in.peek() == '[') {
                        sawEvents = true;
                        if (!events())
                            return failure();
                        if (m_streamEnded)
                            break; // a streamed array without "]": the file ends there
                    } else if (key == "otherData" && m_in.peek() == '{') {
                        if (!otherData())
                            return failure();
                    } else if (!m_in.skipValue()) {
                        return failure();
                    }
                } while (m_in.accept(','));
            if (!m_streamEnded && !m_in.expect('}', "unterminated object"))
                return failure();
        } else if (!m_in.skipValue()) {
            return failure();
        }
        if (!m_error.empty())
            return Error{m_error};
        if (!m_in.atEnd()) {
            m_in.fail("garbage at the end of the document");
            return failure();
        }
        if (!sawEvents)
            return Error{m_source +
                         ": not a trace: expected {\"traceEvents\": [...]} or an array of events"};
        // B without E: open to the end of the trace, as trace viewers show them.
        for (auto &[key, stack] : m_open)
            for (const auto &b : stack)
                m_unclosed.push_back({key, b});
        finishUnclosed();
        m_control.progress(m_size, m_size);
        return m_assembler.finish();
    }

private:
    struct Open {
        TimeNs start;
        ThreadState state;
    };
    using Key = TraceAssembler::Key;

    Error failure() {
        if (!m_error.empty())
            return Error{m_error};
        return Error{m_source + ": " + m_in.error()};
    }

    // The events array. A file may stop after any whole event: streamed traces end that way.
    bool events() {
        m_in.expect('[', "illegal value");
        if (m_in.accept(']'))
            return true;
        do {
            if (m_in.atEnd()) {
                m_streamEnded = true; // "[ev, ev," and nothing more
                return true;
            }
            if (!event())
                return false;
            if ((++m_index & 0xFFFF) == 0) {
                if (m_control.cancelled()) {
                    m_error = "cancelled";
                    return false;
                }
                m_control.progress(m_in.offset(), m_size);
            }
            if (m_in.atEnd()) {
                m_streamEnded = true;
                return true;
            }
        } while (m_in.accept(','));
        return m_in.expect(']', "unterminated array");
    }

    bool event() {
        m_event.clear();
        Event &e = m_event;
        if (m_in.peek() != '{') {
            // Not an object: nothing to show, but it must still be JSON.
            m_assembler.skip("events that are not objects");
            return m_in.skipValue();
        }
        m_in.accept('{');
        if (!m_in.accept('}'))
            do {
                std::string_view key;
                if (!m_in.key(key, m_key))
                    return false;
                bool ok = true;
                switch (fieldOf(key)) {
                case Key_ph:
                    ok = stringField(e.ph, e.phText);
                    break;
                case Key_name:
                    ok = stringField(e.name, e.nameText);
                    break;
                case Key_ts:
                    ok = numberField(e.ts);
                    break;
                case Key_dur:
                    ok = numberField(e.dur);
                    break;
                case Key_pid:
                    ok = numberField(e.pid);
                    break;
                case Key_tid:
                    ok = numberField(e.tid);
                    break;
                case Key_cat:
                    ok = stringField(e.cat, e.catText);
                    break;
                case Key_id:
                    ok = idField(e.id, e.idText);
                    break;
                case Key_args:
                    ok = m_in.peek() == '{' ? args() : m_in.skipValue();
                    break;
                default:
                    ok = m_in.skipValue();
                    break;
                }
                if (!ok)
                    return false;
            } while (m_in.accept(','));
        if (!m_in.expect('}', "unterminated object"))
            return false;
        return use();
    }

    // A string field; any other value reads as "" (as QJsonValue::toString did).
    bool stringField(std::string_view &out, std::string &text) {
        if (m_in.peek() == '"')
            return m_in.string(out, text);
        out = {};
        return m_in.skipValue();
    }
    bool numberField(NumberField &out) {
        out.present = true;
        const char c = m_in.peek();
        if (c == '-' || (c >= '0' && c <= '9')) {
            out.isNumber = true;
            return m_in.number(out.value);
        }
        return m_in.skipValue();
    }
    // An async id: a string or a number, kept as text; {"local": ...} ids as their text too.
    bool idField(std::string_view &out, std::string &text) {
        const char c = m_in.peek();
        if (c == '"')
            return m_in.string(out, text);
        double value = 0;
        if (c == '-' || (c >= '0' && c <= '9')) {
            if (!m_in.number(value))
                return false;
            text = std::to_string(value);
            out = text;
            return true;
        }
        out = "?";
        return m_in.skipValue();
    }
    bool args() {
        Event &e = m_event;
        m_in.accept('{');
        if (m_in.accept('}'))
            return true;
        do {
            std::string_view key;
            if (!m_in.key(key, m_key))
                return false;
            bool ok = true;
            if (key == "name")
                ok = stringField(e.argName, e.argNameText);
            else if (key == "kind")
                ok = stringField(e.argKind, e.argKindText);
            else if (key == "gil")
                ok = numberField(e.argGil);
            else if (key == "sort_index")
                ok = numberField(e.argSortIndex);
            else if (key == "items")
                ok = numberField(e.argItems);
            else
                ok = m_in.skipValue();
            if (!ok)
                return false;
        } while (m_in.accept(','));
        return m_in.expect('}', "unterminated object");
    }

    std::string where() const { return m_source + ": event " + std::to_string(m_index); }

    bool refuse(Error error) {
        m_error = error.message;
        return false;
    }

    // A time from the event; false (with the error) when it cannot be one.
    bool time(const NumberField &field, const char *name, TimeNs &out) {
        const double ns = field.value * 1000.0;
        if (!std::isfinite(ns) || std::fabs(ns) >= static_cast<double>(kTraceTimeLimitNs))
            return refuse(outsideLimit(where(), name, field.value));
        out = static_cast<TimeNs>(std::llround(ns));
        return true;
    }

    bool use() {
        const Event &e = m_event;
        const Key key{integerOf(e.pid), integerOf(e.tid)};
        if (e.ph.size() != 1) {
            m_assembler.skip("events without a known phase");
            return true;
        }
        switch (e.ph[0]) {
        case 'M':
            if (e.name == "process_name")
                m_assembler.processName(key.first, std::string(e.argName));
            else if (e.name == "thread_name")
                m_assembler.threadName(
                    key, std::string(e.argName), std::string(e.argKind),
                    e.argGil.isNumber ? std::optional<int>(static_cast<int>(integerOf(e.argGil)))
                                      : std::nullopt);
            else if (e.name == "thread_sort_index")
                m_assembler.sortIndex(key, integerOf(e.argSortIndex));
            return true; // other metadata (labels, sort of processes) has nothing to show
        case 'X': {
            if (!e.ts.isNumber || !e.dur.isNumber)
                return refuse(Error{where() + ": an \"X\" event needs numbers ts and dur"});
            TimeNs start = 0, duration = 0;
            if (!time(e.ts, "ts", start) || !time(e.dur, "dur", duration))
                return false;
            if (duration < 0)
                return refuse(Error{where() + ": dur " + microsText(e.dur.value) + " is negative"});
            const TimeNs stop = start + duration; // both below 2^62: no overflow
            if (stop >= kTraceTimeLimitNs)
                return refuse(
                    outsideLimit(where(), "ts + dur =", static_cast<double>(stop) / 1000.0));
            m_assembler.slice(key, start, stop, stateOf(e.name));
            return true;
        }
        case 'B':
        case 'E': {
            if (!e.ts.isNumber)
                return refuse(
                    Error{where() + ": a \"" + std::string(e.ph) + "\" event needs a number ts"});
            TimeNs t = 0;
            if (!time(e.ts, "ts", t))
                return false;
            openOrClose(m_open[key], key, e.ph[0] == 'B', t, e.name,
                        "\"E\" events without a \"B\"");
            m_latest = std::max(m_latest, t);
            return true;
        }
        case 'b':
        case 'e':
        case 'S':
        case 'F':
            return async(e);
        case 'i':
        case 'I':
        case 'n': {
            MarkKind kind{};
            if (!parseMarkKind(e.name, kind)) {
                m_assembler.skip("instant events");
                return true;
            }
            if (!e.ts.isNumber)
                return refuse(Error{where() + ": an instant event needs a number ts"});
            TimeNs t = 0;
            if (!time(e.ts, "ts", t))
                return false;
            m_assembler.mark(key, t, kind);
            return true;
        }
        case 'C':
            if (e.cat == "queue" && e.name.substr(0, 6) == "queue ")
                return queueCounter(e);
            if (e.name != "GIL waiters") // GIL Scope's own counter is derived from the rows
                m_assembler.skip("counter samples");
            return true;
        case 's':
        case 't':
        case 'f':
            m_assembler.skip("flow events");
            return true;
        case 'P':
            m_assembler.skip("samples");
            return true;
        case 'N':
        case 'O':
        case 'D':
            m_assembler.skip("object events");
            return true;
        default:
            m_assembler.skip("events of other phases");
            return true;
        }
    }

    // GIL Scope's queue counters ("queue NAME", args.items): each event is one put (+1) or one
    // get (-1), which is how the writer spells a QueueTrack.
    bool queueCounter(const Event &e) {
        if (!e.ts.isNumber || !e.argItems.isNumber)
            return refuse(Error{where() + ": a queue counter needs a number ts and args.items"});
        TimeNs t = 0;
        if (!time(e.ts, "ts", t))
            return false;
        const std::string name(e.name.substr(6));
        auto counted = m_assembler.queueItems(name, t, integerOf(e.argItems));
        if (!counted)
            return refuse(Error{where() + ": " + counted.error()});
        m_latest = std::max(m_latest, t);
        return true;
    }

    // Async slices (b/e, S/F) belong to no thread: each process's category gets a row of its
    // own, after the threads, "async: CATEGORY"; pairs match by category, id and name.
    bool async(const Event &e) {
        if (!e.ts.isNumber)
            return refuse(
                Error{where() + ": a \"" + std::string(e.ph) + "\" event needs a number ts"});
        TimeNs t = 0;
        if (!time(e.ts, "ts", t))
            return false;
        const long long pid = integerOf(e.pid);
        const std::string category = e.cat.empty() ? "async" : std::string(e.cat);
        auto [row, added] = m_asyncRows.try_emplace({pid, category}, 0);
        if (added) {
            row->second = -static_cast<long long>(m_asyncRows.size());
            const Key key{pid, row->second};
            m_assembler.threadName(key, "async: " + category, std::string(kAsyncRowKind),
                                   std::nullopt);
            m_assembler.sortIndex(key, (1LL << 40) + static_cast<long long>(m_asyncRows.size()));
        }
        const Key key{pid, row->second};
        openOrClose(m_asyncOpen[{key, std::string(e.id) + '\n' + std::string(e.name)}], key,
                    e.ph[0] == 'b' || e.ph[0] == 'S', t, e.name, "async ends without a begin");
        m_latest = std::max(m_latest, t);
        return true;
    }

    // A begin opens a slice on `stack`; an end closes the innermost one, or is skipped (counted
    // under `unmatched`) when nothing is open. Sync B/E and async b/e pair up the same way.
    template <class Name>
    void openOrClose(std::vector<Open> &stack, const Key &key, bool begins, TimeNs t,
                     const Name &name, const char *unmatched) {
        if (begins) {
            stack.push_back({t, stateOf(name)});
        } else if (stack.empty()) {
            m_assembler.skip(unmatched);
        } else {
            m_assembler.slice(key, stack.back().start, std::max(t, stack.back().start),
                              stack.back().state);
            stack.pop_back();
        }
    }

    void finishUnclosed() {
        for (auto &[key, stack] : m_asyncOpen)
            for (const auto &b : stack)
                m_unclosed.push_back({key.first, b});
        for (const auto &[key, b] : m_unclosed)
            m_assembler.slice(key, b.start, std::max({b.start, m_latest, m_assembler.latest()}),
                              b.state);
    }

    static ThreadState stateOf(std::string_view name) {
        ThreadState state = ThreadState::Running; // a slice from another tool: something ran
        parseThreadState(name, state);
        return state;
    }

    JsonCursor m_in;
    std::size_t m_size;
    std::string m_source;
    const LoadControl &m_control;
    TraceAssembler m_assembler;
    Event m_event;
    std::string m_key;
    std::string m_error; // an error about an event's meaning, not its syntax
    std::size_t m_index = 0;
    bool m_streamEnded = false;
    TimeNs m_latest = std::numeric_limits<TimeNs>::min();
    std::map<Key, std::vector<Open>> m_open;
    std::map<std::pair<long long, std::string>, long long> m_asyncRows; // -> its tid
    std::map<std::pair<Key, std::string>, std::vector<Open>> m_asyncOpen;
    std::vector<std::pair<Key, Open>> m_unclosed;

public:
    // otherData: the run as GIL Scope or its recorder describes it.
    bool otherData() {
        RunInfo info;
        info.fromGilScope = true;
        m_in.accept('{');
        if (!m_in.accept('}'))
            do {
                std::string_view key, text;
                std::string owned;
                if (!m_in.key(key, m_key))
                    return false;
                const std::string name(key);
                std::string *textField = name == "scenario"      ? &info.scenario
                                         : name == "interpreter" ? &info.interpreter
                                         : name == "executor"    ? &info.executor
                                         : name == "python"      ? &info.python
                                                                 : nullptr;
                if (textField) {
                    if (!stringField(text, owned))
                        return false;
                    *textField = std::string(text);
                    continue;
                }
                NumberField number;
                bool isNull = false;
                if (m_in.peek() == 'n') {
                    if (!m_in.literal(&isNull))
                        return false;
                    number.present = !isNull;
                } else if (!numberField(number)) {
                    return false;
                }
                if (name == "end_ns" || name == "sequential_ns") {
                    if (!number.present)
                        continue;
                    if (!number.isNumber ||
                        !(number.value >= 0 &&
                          number.value < static_cast<double>(kTraceTimeLimitNs)))
                        return refuse(Error{m_source + ": otherData." + name +
                                            " must be a number of ns from 0 to 2^62"});
                    (name == "end_ns" ? info.endNs : info.sequentialNs) =
                        static_cast<TimeNs>(std::llround(number.value));
                } else if (name == "cores" && number.isNumber) {
                    info.cores = static_cast<int>(std::clamp(number.value, 1.0, 1e6));
                } else if (name == "switch_interval_ms" && number.isNumber) {
                    info.switchIntervalMs = number.value;
                } else if (name == "peak_memory_mb" && number.isNumber && number.value >= 0) {
                    info.peakMemoryMb = std::min(number.value, 1e12);
                } else if (name == "check_interval" && number.isNumber) {
                    info.checkInterval = static_cast<int>(std::clamp(number.value, 0.0, 1e9));
                }
            } while (m_in.accept(','));
        if (!m_in.expect('}', "unterminated object"))
            return false;
        m_assembler.run(std::move(info));
        return true;
    }
};

} // namespace

Result<TracePtr> readChromeJson(QByteArrayView json, const std::string &source,
                                const LoadControl &control) {
    ChromeJsonReader reader(json, source, control);
    return reader.read();
}

} // namespace gilscope::core
