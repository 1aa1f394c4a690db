#include "validation/problemtext.h"

#include <QLocale>

#include <cmath>

namespace infralab::problemtext {

namespace {

constexpr qsizetype MaxQuotedLength = 60;

bool isPlainKey(QStringView key)
{
    if (key.isEmpty())
        return false;
    const QChar first = key.front();
    if (!(first.isLetter() && first.unicode() < 0x80) && first != u'_')
        return false;
    for (const QChar c : key) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
                        || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

void appendEscaped(QString &out, QStringView text)
{
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"': out += QLatin1String("\\\""); break;
        case u'\\': out += QLatin1String("\\\\"); break;
        case u'\n': out += QLatin1String("\\n"); break;
        case u'\r': out += QLatin1String("\\r"); break;
        case u'\t': out += QLatin1String("\\t"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
                out += QLatin1String("\\u")
                       + QString::number(c.unicode(), 16).rightJustified(4, QLatin1Char('0'));
            } else {
                out += c;
            }
        }
    }
}

} // namespace

QString keyPath(const QString &base, QStringView key)
{
    if (isPlainKey(key))
        return base.isEmpty() ? key.toString() : base + QLatin1Char('.') + key.toString();
    QString path = base + QLatin1String("[\"");
    appendEscaped(path, key);
    return path + QLatin1String("\"]");
}

QString indexPath(const QString &base, qsizetype index)
{
    return base + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

bool pathCovers(QStringView prefix, QStringView path)
{
    if (!path.startsWith(prefix))
        return false;
    if (path.size() == prefix.size() || prefix.isEmpty())
        return true;
    const QChar next = path.at(prefix.size());
    return next == u'.' || next == u'[';
}

QString quoted(QStringView text)
{
    QString out = QStringLiteral("\"");
    if (text.size() > MaxQuotedLength) {
        appendEscaped(out, text.first(MaxQuotedLength));
        out += QLatin1String("...");
    } else {
        appendEscaped(out, text);
    }
    return out + QLatin1Char('"');
}

QString number(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("null");
    if (std::trunc(value) == value && std::fabs(value) < 9007199254740992.0)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        if (const qint64 i = value.toInteger(); i != 0 || value.toDouble() == 0)
            return QString::number(i);
        return number(value.toDouble());
    case QJsonValue::String: return quoted(value.toString());
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: return QStringLiteral("nothing");
    }
    return {};
}

QString expected(const QString &what, const QJsonValue &got)
{
    return QStringLiteral("expected ") + what + QStringLiteral(", got ") + describe(got);
}

QString unknownKey(QStringView key)
{
    return QStringLiteral("unknown key ") + quoted(key) + QStringLiteral(" (kept)");
}

QString list(const QStringList &items)
{
    return items.join(QStringLiteral(", "));
}

QString withArticle(const QString &noun)
{
    const bool vowel = !noun.isEmpty() && QStringLiteral("aeiou").contains(noun.front());
    return (vowel ? QStringLiteral("an ") : QStringLiteral("a ")) + noun;
}

} // namespace infralab::problemtext
