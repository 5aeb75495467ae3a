#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gilscope::core::proto {

// The protobuf wire format, the little of it a trace needs: varints, length-delimited fields
// and skipping the rest. Written by hand rather than with libprotobuf: no generated code, no
// library to ship, and packets are built and read one at a time as the trace streams.

enum WireType : std::uint8_t { Varint = 0, Fixed64 = 1, Length = 2, Fixed32 = 5 };

// Appends fields to a message held in a string. A nested message is built in its own Message
// and added with message(): its length must be known before its bytes.
class Message {
public:
    void varint(std::uint32_t field, std::uint64_t value) {
        tag(field, Varint);
        raw(value);
    }
    void boolean(std::uint32_t field, bool value) { varint(field, value ? 1 : 0); }
    void bytes(std::uint32_t field, std::string_view value) {
        tag(field, Length);
        raw(value.size());
        m_bytes.append(value);
    }
    void message(std::uint32_t field, const Message &nested) { bytes(field, nested.m_bytes); }

    const std::string &data() const { return m_bytes; }
    void clear() { m_bytes.clear(); }

private:
    void tag(std::uint32_t field, WireType type) { raw((std::uint64_t{field} << 3) | type); }
    void raw(std::uint64_t value) {
        while (value >= 0x80) {
            m_bytes += static_cast<char>(value | 0x80);
            value >>= 7;
        }
        m_bytes += static_cast<char>(value);
    }

    std::string m_bytes;
};

// One field as read: its number, type and value (a varint or fixed number, or the bytes of a
// length-delimited field, which may be a nested message).
struct Field {
    std::uint32_t number = 0;
    WireType type = Varint;
    std::uint64_t value = 0;
    std::string_view bytes;
};

// Reads the fields of one message in order. next() is false at the end, and also when the
// bytes are not a valid message: then ok() is false.
class Reader {
public:
    explicit Reader(std::string_view message)
        : m_p(reinterpret_cast<const std::uint8_t *>(message.data()))
        , m_end(m_p + message.size()) {}

    bool next(Field &field) {
        if (m_p >= m_end || !m_ok)
            return false;
        std::uint64_t key = 0;
        if (!readVarint(key) || (key >> 3) == 0 || (key >> 3) > 0x1FFFFFFF)
            return fail();
        field.number = static_cast<std::uint32_t>(key >> 3);
        field.type = static_cast<WireType>(key & 7);
        field.bytes = {};
        switch (field.type) {
        case Varint:
            return readVarint(field.value) || fail();
        case Fixed64:
        case Fixed32: {
            const int size = field.type == Fixed64 ? 8 : 4;
            if (m_end - m_p < size)
                return fail();
            field.value = 0;
            for (int i = size - 1; i >= 0; --i)
                field.value = (field.value << 8) | m_p[i];
            m_p += size;
            return true;
        }
        case Length: {
            std::uint64_t size = 0;
            if (!readVarint(size) || size > static_cast<std::uint64_t>(m_end - m_p))
                return fail();
            field.bytes = std::string_view(reinterpret_cast<const char *>(m_p), size);
            field.value = size;
            m_p += size;
            return true;
        }
        default:
            return fail(); // groups (3, 4) are not used by traces
        }
    }
    bool ok() const { return m_ok; }
    std::size_t remaining() const { return static_cast<std::size_t>(m_end - m_p); }

private:
    bool readVarint(std::uint64_t &value) {
        value = 0;
        for (int shift = 0; shift < 64 && m_p < m_end; shift += 7) {
            const std::uint8_t byte = *m_p++;
            value |= std::uint64_t{byte & 0x7Fu} << shift;
            if (!(byte & 0x80))
                return true;
        }
        return false;
    }
    bool fail() {
        m_ok = false;
        return false;
    }

    const std::uint8_t *m_p;
    const std::uint8_t *m_end;
    bool m_ok = true;
};

} // namespace gilscope::core::proto
