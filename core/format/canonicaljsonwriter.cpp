#include "format/canonicaljsonwriter.h"

#include "validation/problemtext.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace infralab {

void CanonicalJsonWriter::beginObject()
{
    beforeValue();
    m_out += '{';
    m_levels.append({true, true});
}

void CanonicalJsonWriter::endObject()
{
    close('}');
}

void CanonicalJsonWriter::beginArray()
{
    beforeValue();
    m_out += '[';
    m_levels.append({false, true});
}

void CanonicalJsonWriter::endArray()
{
    close(']');
}

void CanonicalJsonWriter::key(QStringView key)
{
    Q_ASSERT(!m_levels.isEmpty() && m_levels.last().isObject && !m_afterKey);
    if (!m_levels.last().empty)
        m_out += ',';
    m_levels.last().empty = false;
    newLine();
    m_out += escaped(key);
    m_out += ": ";
    m_afterKey = true;
}

void CanonicalJsonWriter::string(QStringView text)
{
    beforeValue();
    m_out += escaped(text);
}

void CanonicalJsonWriter::integer(qint64 value)
{
    beforeValue();
    m_out += QByteArray::number(value);
}

void CanonicalJsonWriter::value(const QJsonValue &value, const QStringList &leadingKeys)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        beforeValue();
        m_out += "null";
        break;
    case QJsonValue::Bool:
        beforeValue();
        m_out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        // Qt keeps integral JSON numbers as 64-bit integers; print those exactly.
        const double d = value.toDouble();
        const qint64 i = value.toInteger();
        beforeValue();
        if (i != 0 || d == 0)
            m_out += QByteArray::number(i);
        else
            m_out += problemtext::number(d).toLatin1();
        break;
    }
    case QJsonValue::String: string(value.toString()); break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        beginArray();
        for (const QJsonValue &element : array)
            this->value(element, leadingKeys);
        endArray();
        break;
    }
    case QJsonValue::Object: object(value.toObject(), leadingKeys); break;
    }
}

void CanonicalJsonWriter::object(const QJsonObject &object, const QStringList &leadingKeys)
{
    beginObject();
    for (const QString &k : leadingKeys) {
        const auto it = object.constFind(k);
        if (it != object.constEnd()) {
            key(k);
            value(it.value());
        }
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!leadingKeys.contains(it.key())) {
            key(it.key());
            value(it.value());
        }
    }
    endObject();
}

QByteArray CanonicalJsonWriter::finish()
{
    Q_ASSERT(m_levels.isEmpty());
    QByteArray result = std::move(m_out);
    result += '\n';
    m_out.clear();
    return result;
}

QByteArray CanonicalJsonWriter::escaped(QStringView text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    out += '"';
    qsizetype plainStart = 0;
    auto flush = [&](qsizetype end) {
        out += text.sliced(plainStart, end - plainStart).toUtf8();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const char *escape = nullptr;
        switch (c) {
        case u'"': escape = "\\\""; break;
        case u'\\': escape = "\\\\"; break;
        case u'\b': escape = "\\b"; break;
        case u'\f': escape = "\\f"; break;
        case u'\n': escape = "\\n"; break;
        case u'\r': escape = "\\r"; break;
        case u'\t': escape = "\\t"; break;
        default: break;
        }
        const bool needsHex = !escape && (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029);
        if (!escape && !needsHex)
            continue;
        flush(i);
        if (escape)
            out += escape;
        else
            out += "\\u" + QByteArray::number(c, 16).rightJustified(4, '0');
        plainStart = i + 1;
    }
    flush(text.size());
    out += '"';
    return out;
}

void CanonicalJsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.isEmpty())
        return;
    Q_ASSERT(!m_levels.last().isObject);
    if (!m_levels.last().empty)
        m_out += ',';
    m_levels.last().empty = false;
    newLine();
}

void CanonicalJsonWriter::newLine()
{
    m_out += '\n';
    m_out += QByteArray(2 * m_levels.size(), ' ');
}

void CanonicalJsonWriter::close(char bracket)
{
    Q_ASSERT(!m_levels.isEmpty() && !m_afterKey);
    const bool empty = m_levels.takeLast().empty;
    if (!empty)
        newLine();
    m_out += bracket;
}

} // namespace infralab
