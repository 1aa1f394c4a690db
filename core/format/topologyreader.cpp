#include "format/topologyreader.h"

#include "format/textcheck.h"
#include "validation/problemtext.h"
#include "validation/validator.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace infralab {

using namespace problemtext;

namespace {

QString tooLarge(qint64 size)
{
    return QStringLiteral("file is ") + textcheck::megabytes(size)
           + QStringLiteral("; topology files are limited to ")
           + QString::number(TopologyReader::MaxFileSize / (1024 * 1024)) + QStringLiteral(" MB");
}

QString parseErrorText(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::UnterminatedObject:
        return QStringLiteral("an object is not closed (expected \",\" or \"}\")");
    case QJsonParseError::MissingNameSeparator: return QStringLiteral("expected \":\" after a key");
    case QJsonParseError::UnterminatedArray:
        return QStringLiteral("an array is not closed (expected \",\" or \"]\")");
    case QJsonParseError::MissingValueSeparator:
        return QStringLiteral("expected \",\" between two values");
    case QJsonParseError::IllegalValue:
        return QStringLiteral("not a JSON value (strings need double quotes; true, false and "
                              "null are lower case)");
    case QJsonParseError::TerminationByNumber:
        return QStringLiteral("a number is not followed by \",\", \"}\" or \"]\"");
    case QJsonParseError::IllegalNumber: return QStringLiteral("invalid or too large number");
    case QJsonParseError::IllegalEscapeSequence:
        return QStringLiteral("invalid escape sequence in a string");
    case QJsonParseError::IllegalUTF8String: return QStringLiteral("invalid UTF-8 in a string");
    case QJsonParseError::UnterminatedString:
        return QStringLiteral("a string is not closed with \"");
    case QJsonParseError::MissingObject: return QStringLiteral("expected a value after \",\"");
    case QJsonParseError::DeepNesting: return QStringLiteral("the JSON is nested too deeply");
    case QJsonParseError::DocumentTooLarge: return QStringLiteral("the JSON document is too large");
    case QJsonParseError::GarbageAtEnd:
        return QStringLiteral("unexpected text after the end of the top-level object");
    case QJsonParseError::NoError: break;
    }
    return QStringLiteral("not valid JSON");
}

qsizetype trimmedEnd(const QByteArray &bytes)
{
    qsizetype end = bytes.size();
    while (end > 0 && QByteArrayView(" \t\r\n").contains(bytes.at(end - 1)))
        --end;
    return end;
}

// Turns the JSON object of a format-version-1 file into a Topology, reporting structural
// problems. Entries that are not objects still take their place in `nodes`/`links`, so the
// validator's paths (`nodes[2]`) keep pointing into the file.
class StructureReader
{
public:
    explicit StructureReader(Problems &problems)
        : m_problems(problems)
    {}

    void read(const QJsonObject &root, Topology &topology)
    {
        if (!readHeader(root))
            return;
        readString(root, QStringLiteral("name"), QString(), topology.name);
        readString(root, QStringLiteral("description"), QString(), topology.description);
        for (const QJsonValue &value : array(root, QStringLiteral("nodes")))
            topology.nodes.append(
                readNode(value, indexPath(QStringLiteral("nodes"), topology.nodes.size())));
        for (const QJsonValue &value : array(root, QStringLiteral("links")))
            topology.links.append(
                readLink(value, indexPath(QStringLiteral("links"), topology.links.size())));
        topology.extra
            = unknownMembers(root, {QStringLiteral("format"), QStringLiteral("version"),
                                    QStringLiteral("name"), QStringLiteral("description"),
                                    QStringLiteral("nodes"), QStringLiteral("links")});
    }

private:
    void error(const QString &path, const QString &message, const QString &nodeId = {})
    {
        Problem problem = Problem::error(path, message);
        problem.nodeId = nodeId;
        m_problems.append(problem);
    }

    // False when the rest of the file must not be read (a newer format version).
    bool readHeader(const QJsonObject &root)
    {
        const QString formatName = QLatin1String(Topology::FormatName);
        const QString format = QStringLiteral("format");
        const QString expectedFormat = quoted(formatName);
        if (!root.contains(format)) {
            error(format, QStringLiteral("missing (expected ") + expectedFormat
                              + QStringLiteral("; is this an InfraLab topology file?)"));
        } else if (root.value(format) != QJsonValue(formatName)) {
            error(format, expected(expectedFormat, root.value(format)));
        }

        const QString version = QStringLiteral("version");
        const QString supported = QString::number(Topology::FormatVersion);
        const QJsonValue value = root.value(version);
        const double number = value.toDouble();
        if (!root.contains(version)) {
            error(version, QStringLiteral("missing (this InfraLab reads version ") + supported
                               + QLatin1Char(')'));
        } else if (!value.isDouble() || !std::isfinite(number) || std::trunc(number) != number) {
            error(version, expected(QStringLiteral("an integer"), value));
        } else if (number > Topology::FormatVersion) {
            error(version, QStringLiteral("this file uses format version ") + describe(value)
                               + QStringLiteral(", but this InfraLab reads only version ")
                               + supported + QStringLiteral("; update InfraLab to open it"));
            return false;
        } else if (number < 1) {
            error(version, describe(value)
                               + QStringLiteral(" is not a format version (this InfraLab reads "
                                                "version ")
                               + supported + QLatin1Char(')'));
        }
        return true;
    }

    void readString(const QJsonObject &object, const QString &key, const QString &base,
                    QString &target, const QString &nodeId = {})
    {
        const auto it = object.constFind(key);
        if (it == object.constEnd())
            return;
        if (it.value().isString())
            target = it.value().toString();
        else
            error(keyPath(base, key), expected(QStringLiteral("a string"), it.value()), nodeId);
    }

    QJsonArray array(const QJsonObject &root, const QString &key)
    {
        const QJsonValue value = root.value(key);
        if (value.isUndefined() || value.isArray())
            return value.toArray();
        error(key, expected(QStringLiteral("an array of ") + key, value));
        return {};
    }

    QJsonObject readObject(const QJsonObject &parent, const QString &key, const QString &base,
                           const QString &nodeId)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() || value.isObject())
            return value.toObject();
        error(keyPath(base, key), expected(QStringLiteral("an object"), value), nodeId);
        return {};
    }

    static QJsonObject unknownMembers(QJsonObject object, const QStringList &known)
    {
        for (const QString &key : known)
            object.remove(key);
        return object;
    }

    Node readNode(const QJsonValue &value, const QString &path)
    {
        Node node;
        if (!value.isObject()) {
            error(path, expected(QStringLiteral("a node object"), value));
            return node;
        }
        const QJsonObject object = value.toObject();
        readString(object, QStringLiteral("id"), path, node.id);
        readString(object, QStringLiteral("kind"), path, node.kind, node.id);
        readString(object, QStringLiteral("name"), path, node.name, node.id);
        readString(object, QStringLiteral("description"), path, node.description, node.id);
        if (object.contains(QStringLiteral("position")))
            node.position = readPosition(object.value(QStringLiteral("position")),
                                         keyPath(path, u"position"), node.id);
        node.config = readObject(object, QStringLiteral("config"), path, node.id);
        node.extra = unknownMembers(object, {QStringLiteral("id"), QStringLiteral("kind"),
                                             QStringLiteral("name"), QStringLiteral("description"),
                                             QStringLiteral("position"), QStringLiteral("config")});
        return node;
    }

    std::optional<QPointF> readPosition(const QJsonValue &value, const QString &path,
                                        const QString &nodeId)
    {
        if (!value.isObject()) {
            error(path, expected(QStringLiteral("an object {\"x\": number, \"y\": number}"), value),
                  nodeId);
            return std::nullopt;
        }
        const QJsonObject object = value.toObject();
        bool ok = true;
        double xy[2] = {0, 0};
        const QString names[2] = {QStringLiteral("x"), QStringLiteral("y")};
        for (int i = 0; i < 2; ++i) {
            const QJsonValue v = object.value(names[i]);
            if (v.isUndefined()) {
                error(keyPath(path, names[i]), QStringLiteral("missing"), nodeId);
                ok = false;
            } else if (!v.isDouble()) {
                error(keyPath(path, names[i]), expected(QStringLiteral("a number"), v), nodeId);
                ok = false;
            } else {
                xy[i] = v.toDouble();
            }
        }
        // A position is a point in the model, so other members cannot be kept.
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() != names[0] && it.key() != names[1]) {
                Problem p = Problem::warning(keyPath(path, it.key()),
                                             QStringLiteral("unknown key ") + quoted(it.key())
                                                 + QStringLiteral(" (dropped on save: a position "
                                                                  "has only x and y)"));
                p.nodeId = nodeId;
                m_problems.append(p);
            }
        }
        return ok ? std::optional<QPointF>(QPointF(xy[0], xy[1])) : std::nullopt;
    }

    Link readLink(const QJsonValue &value, const QString &path)
    {
        Link link;
        if (!value.isObject()) {
            error(path, expected(QStringLiteral("a link object"), value));
            return link;
        }
        const QJsonObject object = value.toObject();
        readString(object, QStringLiteral("from"), path, link.from);
        readString(object, QStringLiteral("to"), path, link.to);
        link.config = readObject(object, QStringLiteral("config"), path, QString());
        link.extra = unknownMembers(
            object, {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("config")});
        return link;
    }

    Problems &m_problems;
};

// True when an error of `structural` is about `problem`'s place already (a node that is not an
// object covers every finding about that node).
bool coveredBy(const Problems &structural, const Problem &problem)
{
    return std::any_of(structural.cbegin(), structural.cend(), [&](const Problem &p) {
        return p.isError() && !p.path.isEmpty() && pathCovers(p.path, problem.path);
    });
}

} // namespace

ReadResult TopologyReader::parse(const QByteArray &bytes)
{
    ReadResult result;
    auto fail = [&result](const QString &message) {
        result.problems.append(Problem::error(QString(), message));
        return result;
    };
    if (bytes.size() > MaxFileSize)
        return fail(tooLarge(bytes.size()));
    if (const QString encoding = textcheck::foreignEncoding(bytes); !encoding.isEmpty())
        return fail(QStringLiteral("file is ") + encoding
                    + QStringLiteral(" encoded; topology files must be UTF-8"));

    const QByteArray text = bytes.startsWith("\xEF\xBB\xBF") ? bytes.sliced(3) : bytes;
    if (trimmedEnd(text) == 0)
        return fail(QStringLiteral("file is empty"));
    if (const QString problem = textcheck::textProblem(text); !problem.isEmpty())
        return fail(problem);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt reads only objects and arrays at the top; name a lone scalar like an array.
        const QByteArray start = text.trimmed().left(1);
        const QJsonArray wrapped = start == "{" || start == "["
                                       ? QJsonArray()
                                       : QJsonDocument::fromJson('[' + text + ']').array();
        if (wrapped.size() == 1)
            return fail(QStringLiteral("expected a JSON object at the top level, got ")
                        + describe(wrapped.first()));

        qsizetype offset = parseError.offset;
        // Qt's parser reports these errors one character past the one it stumbled on.
        switch (parseError.error) {
        case QJsonParseError::UnterminatedObject:
        case QJsonParseError::MissingNameSeparator:
        case QJsonParseError::UnterminatedArray:
        case QJsonParseError::MissingValueSeparator:
        case QJsonParseError::IllegalValue:
        case QJsonParseError::MissingObject:
        case QJsonParseError::DeepNesting: offset = std::max<qsizetype>(0, offset - 1); break;
        default: break;
        }
        QString what = parseErrorText(parseError.error);
        // Qt takes any unknown word (True, NaN, undefined) for a broken number.
        if (parseError.error == QJsonParseError::IllegalNumber && offset < text.size()
            && QChar::isLetter(uchar(text.at(offset))))
            what = parseErrorText(QJsonParseError::IllegalValue);
        // At the end of the text Qt's reason is often a guess; the truncation is the news.
        // (TerminationByNumber means the text ended inside a number.)
        const qsizetype end = trimmedEnd(text);
        if (parseError.offset >= end || parseError.error == QJsonParseError::TerminationByNumber) {
            what = QStringLiteral("the file ends in the middle of the JSON (is it cut short?)");
            offset = end;
        }
        const QString message = textcheck::position(text, offset) + QStringLiteral(": ") + what;
        return fail(message);
    }
    if (!document.isObject())
        return fail(QStringLiteral("expected a JSON object at the top level, got an array"));

    StructureReader(result.problems).read(document.object(), result.topology);
    // Ids and link ends the model needs; where the reader already found an error (a node that
    // is not an object, an id that is not a string) the check would only repeat it.
    const Problems structural = result.problems;
    for (const Problem &problem : checkIdentity(result.topology)) {
        if (!coveredBy(structural, problem))
            result.problems.append(problem);
    }
    return result;
}

ReadResult TopologyReader::readFile(const QString &fileName)
{
    ReadResult result;
    auto fail = [&result](const QString &message) {
        result.problems.append(Problem::error(QString(), message));
        return result;
    };
    if (QFileInfo(fileName).isDir())
        return fail(QStringLiteral("cannot read the file: it is a folder"));
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot open the file: ") + file.errorString());
    if (file.size() > MaxFileSize)
        return fail(tooLarge(file.size()));
    // Read one byte more than allowed: devices and pipes report no size.
    const QByteArray bytes = file.read(MaxFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(QStringLiteral("cannot read the file: ") + file.errorString());
    if (bytes.size() > MaxFileSize)
        return fail(QStringLiteral("file is larger than ")
                    + QString::number(MaxFileSize / (1024 * 1024))
                    + QStringLiteral(" MB, the limit for topology files"));
    return parse(bytes);
}

Problems validateFile(const ReadResult &read)
{
    return validateFile(read, validateTopology(read.topology));
}

Problems validateFile(const ReadResult &read, const Problems &validation)
{
    // The identity problems the reader reported are the validator's too: they are listed once,
    // where the validator finds them, so the lines keep file order.
    Problems problems;
    for (const Problem &problem : read.problems) {
        if (!validation.contains(problem))
            problems.append(problem);
    }
    const Problems structural = problems;
    for (const Problem &problem : validation) {
        if (!coveredBy(structural, problem))
            problems.append(problem);
    }
    return problems;
}

} // namespace infralab
