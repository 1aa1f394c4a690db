#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QStringList>

namespace infralab {

// A small streaming JSON emitter that keeps keys in the order they are written (QJsonObject
// sorts its keys, so QJsonDocument cannot produce the topology file's fixed key order).
// Output: two-space indentation, one member per line, `{}` and `[]` for empty containers,
// integers without ".0", numbers in their shortest exact form, strings as UTF-8 with only the
// escapes JSON requires (plus U+2028/U+2029 and DEL).
class CanonicalJsonWriter
{
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QStringView key);

    void string(QStringView text);
    void integer(qint64 value);
    // Any JSON value. Objects inside it (also inside its arrays) put `leadingKeys` first in
    // that order, then their other keys sorted; objects nested deeper are sorted.
    void value(const QJsonValue &value, const QStringList &leadingKeys = {});
    void object(const QJsonObject &object, const QStringList &leadingKeys = {});

    // The document with a trailing newline.
    QByteArray finish();

    static QByteArray escaped(QStringView text); // `"text"` with JSON escapes

private:
    struct Level
    {
        bool isObject = false;
        bool empty = true;
    };

    void beforeValue();
    void newLine();
    void close(char bracket);

    QByteArray m_out;
    QList<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace infralab
