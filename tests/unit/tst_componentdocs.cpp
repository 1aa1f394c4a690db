#include "catalogue/componentcatalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace infralab;

// docs/components.md must describe the catalogue exactly: every kind with its name,
// category, icon, listening scheme, description and callees, and every config and link key
// with its type, default, range or enum values, unit and help text, in catalogue order.
//
// Layout the parser reads (everything else in the file is free prose):
//
//   ## <display name>
//   - **Kind:** `<kind>`            (marks the section as a kind section)
//   - **Category:** <category>
//   - **Icon:** `<resource path>`
//   - **Listens:** `<scheme>` | no
//   - **May call:** `<kind>`, `<kind>` | nothing
//   - **What it is:** <description>
//   ### Configuration               followed by a table
//   ### Link configuration          followed by a table, or prose when there are no keys
//
//   | key | type | default | range | unit | description |
//   | `port` | int | `0` | 0..65535 |  | TCP port on … |
//
// `default` is the JSON value, `range` is min..max for numbers and `a`, `b` for enums, — for
// other types. When the check fails it writes the sections it expected next to the test
// binary (components.expected.md), ready to paste.

namespace {

const QString Dash = QStringLiteral("—");

struct DocKey
{
    QString key;
    QString type;
    QString defaultValue;
    QString range;
    QString unit;
    QString help;
};

struct DocKind
{
    QString displayName;
    QString kind;
    QString category;
    QString icon;
    QString listens;
    QStringList callees;
    QString description;
    QList<DocKey> config;
    QList<DocKey> linkConfig;
};

QString stripTicks(QString text)
{
    text = text.trimmed();
    if (text.size() >= 2 && text.startsWith(QLatin1Char('`')) && text.endsWith(QLatin1Char('`')))
        return text.mid(1, text.size() - 2);
    return text;
}

QStringList tickedList(const QString &text)
{
    QStringList items;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        items.append(stripTicks(part));
    return items;
}

// Parses the kind sections of docs/components.md; `errors` gets layout problems.
QList<DocKind> parseDoc(const QString &text, QStringList *errors)
{
    QList<DocKind> kinds;
    DocKind current;
    bool inKind = false;
    enum class Table { None, Config, Link } table = Table::None;
    int lineNumber = 0;

    auto finish = [&] {
        if (inKind)
            kinds.append(current);
        current = DocKind();
        inKind = false;
        table = Table::None;
    };

    static const QRegularExpression bullet(QStringLiteral(R"(^- \*\*([^*]+):\*\* (.*)$)"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    QString heading;
    for (const QString &raw : lines) {
        ++lineNumber;
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1String("## "))) {
            finish();
            heading = line.mid(3).trimmed();
            continue;
        }
        if (line.startsWith(QLatin1String("### "))) {
            const QString title = line.mid(4).trimmed();
            if (title == QLatin1String("Configuration"))
                table = Table::Config;
            else if (title == QLatin1String("Link configuration"))
                table = Table::Link;
            else
                table = Table::None;
            continue;
        }
        const QRegularExpressionMatch m = bullet.match(line);
        if (m.hasMatch() && table == Table::None) {
            const QString name = m.captured(1);
            const QString value = m.captured(2).trimmed();
            if (name == QLatin1String("Kind")) {
                inKind = true;
                current.displayName = heading;
                current.kind = stripTicks(value);
            } else if (!inKind) {
                continue;
            } else if (name == QLatin1String("Category")) {
                current.category = value;
            } else if (name == QLatin1String("Icon")) {
                current.icon = stripTicks(value);
            } else if (name == QLatin1String("Listens")) {
                current.listens = value == QLatin1String("no") ? QString() : stripTicks(value);
            } else if (name == QLatin1String("May call")) {
                current.callees
                    = value == QLatin1String("nothing") ? QStringList() : tickedList(value);
            } else if (name == QLatin1String("What it is")) {
                current.description = value;
            }
            continue;
        }
        if (!inKind || table == Table::None || !line.startsWith(QLatin1Char('|')))
            continue;
        QStringList cells = line.split(QLatin1Char('|'));
        if (cells.size() < 2 || !cells.last().trimmed().isEmpty()) {
            errors->append(QStringLiteral("line %1: a table row must end with |").arg(lineNumber));
            continue;
        }
        cells = cells.mid(1, cells.size() - 2);
        for (QString &cell : cells)
            cell = cell.trimmed();
        if (cells.value(0) == QLatin1String("key") || cells.value(0).startsWith(QLatin1Char('-')))
            continue; // header and separator rows
        if (cells.size() != 6) {
            errors->append(QStringLiteral("line %1: expected 6 cells (key | type | default | "
                                          "range | unit | description), found %2")
                               .arg(lineNumber)
                               .arg(cells.size()));
            continue;
        }
        const DocKey key{
            stripTicks(cells[0]), cells[1], stripTicks(cells[2]), cells[3], cells[4], cells[5]};
        (table == Table::Config ? current.config : current.linkConfig).append(key);
    }
    finish();
    return kinds;
}

QString compactJson(const QJsonValue &value)
{
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString number(double value)
{
    return QString::number(value, 'g', 17);
}

QString expectedRange(const ConfigKey &key)
{
    if (key.hasRange())
        return number(key.minimum) + QStringLiteral("..") + number(key.maximum);
    if (key.type == ValueType::Enum) {
        QStringList ticked;
        for (const QString &v : key.enumValues)
            ticked.append(QLatin1Char('`') + v + QLatin1Char('`'));
        return ticked.join(QStringLiteral(", "));
    }
    return Dash;
}

// Differences between one documented key and the catalogue's.
void compareKey(const QString &where, const ConfigKey &expected, const DocKey &doc,
                QStringList *diffs)
{
    const QString at = where + QLatin1Char('.') + expected.key;
    if (doc.type != valueTypeName(expected.type))
        diffs->append(at
                      + QStringLiteral(": type is \"%1\", catalogue says \"%2\"")
                            .arg(doc.type, valueTypeName(expected.type)));

    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(
        QByteArray("[") + doc.defaultValue.toUtf8() + QByteArray("]"), &error);
    if (error.error != QJsonParseError::NoError || parsed.array().size() != 1) {
        diffs->append(
            at + QStringLiteral(": default `%1` is not one JSON value").arg(doc.defaultValue));
    } else if (compactJson(parsed.array().at(0)) != compactJson(expected.defaultValue)) {
        diffs->append(
            at
            + QStringLiteral(": default is %1, catalogue says %2")
                  .arg(compactJson(parsed.array().at(0)), compactJson(expected.defaultValue)));
    }

    if (expected.hasRange()) {
        const QStringList bounds = doc.range.split(QStringLiteral(".."));
        bool okMin = false;
        bool okMax = false;
        const double min = bounds.value(0).toDouble(&okMin);
        const double max = bounds.value(1).toDouble(&okMax);
        if (bounds.size() != 2 || !okMin || !okMax || min != expected.minimum
            || max != expected.maximum) {
            diffs->append(at
                          + QStringLiteral(": range is \"%1\", catalogue says %2")
                                .arg(doc.range, expectedRange(expected)));
        }
    } else if (expected.type == ValueType::Enum) {
        if (tickedList(doc.range) != expected.enumValues)
            diffs->append(at
                          + QStringLiteral(": values are \"%1\", catalogue says %2")
                                .arg(doc.range, expectedRange(expected)));
    } else if (doc.range != Dash) {
        diffs->append(at
                      + QStringLiteral(": range is \"%1\" but a %2 has none (write %3)")
                            .arg(doc.range, valueTypeName(expected.type), Dash));
    }

    if (doc.unit != expected.unit)
        diffs->append(at
                      + QStringLiteral(": unit is \"%1\", catalogue says \"%2\"")
                            .arg(doc.unit, expected.unit));
    if (doc.help != expected.help)
        diffs->append(at
                      + QStringLiteral(": description is \"%1\", catalogue says \"%2\"")
                            .arg(doc.help, expected.help));
}

QStringList keyNames(const QList<ConfigKey> &keys)
{
    QStringList names;
    for (const ConfigKey &k : keys)
        names.append(k.key);
    return names;
}

QStringList keyNames(const QList<DocKey> &keys)
{
    QStringList names;
    for (const DocKey &k : keys)
        names.append(k.key);
    return names;
}

void compareKeys(const QString &where, const QList<ConfigKey> &expected, const QList<DocKey> &doc,
                 QStringList *diffs)
{
    const QStringList expectedNames = keyNames(expected);
    const QStringList docNames = keyNames(doc);
    for (const QString &name : docNames) {
        if (!expectedNames.contains(name))
            diffs->append(where
                          + QStringLiteral(": documents `%1`, which the catalogue does not "
                                           "have")
                                .arg(name));
        if (docNames.count(name) > 1)
            diffs->append(where + QStringLiteral(": documents `%1` twice").arg(name));
    }
    for (const ConfigKey &key : expected) {
        const qsizetype i = docNames.indexOf(key.key);
        if (i < 0)
            diffs->append(where + QStringLiteral(": `%1` is not documented").arg(key.key));
        else
            compareKey(where, key, doc.at(i), diffs);
    }
    if (diffs->isEmpty() && docNames != expectedNames)
        diffs->append(
            where
            + QStringLiteral(": keys are in the order %1, catalogue order is %2")
                  .arg(docNames.join(QLatin1Char(' ')), expectedNames.join(QLatin1Char(' '))));
}

void compareKind(const KindInfo &info, const DocKind &doc, QStringList *diffs)
{
    const QString where = info.kind;
    auto check = [&](const char *what, const QString &actual, const QString &expected) {
        if (actual != expected)
            diffs->append(where
                          + QStringLiteral(": %1 is \"%2\", catalogue says \"%3\"")
                                .arg(QLatin1String(what), actual, expected));
    };
    check("the heading (display name)", doc.displayName, info.displayName);
    check("Category", doc.category, categoryName(info.category));
    check("Icon", doc.icon, info.icon);
    check("Listens", doc.listens, info.urlScheme);
    check("What it is", doc.description, info.description);

    QStringList docCallees = doc.callees;
    QStringList expectedCallees = info.callees;
    docCallees.sort();
    expectedCallees.sort();
    if (docCallees != expectedCallees)
        diffs->append(where
                      + QStringLiteral(": May call lists %1, catalogue says %2")
                            .arg(doc.callees.join(QStringLiteral(", ")),
                                 info.callees.join(QStringLiteral(", "))));

    compareKeys(where + QStringLiteral(".config"), info.config, doc.config, diffs);
    compareKeys(where + QStringLiteral(".links"), info.linkConfig, doc.linkConfig, diffs);
}

// Every difference between the document and the catalogue, in words.
QStringList differences(const QString &text)
{
    QStringList diffs;
    const QList<DocKind> doc = parseDoc(text, &diffs);
    const QList<KindInfo> &kinds = ComponentCatalogue::instance().kinds();
    QStringList docKinds;
    for (const DocKind &k : doc)
        docKinds.append(k.kind);
    for (const QString &kind : docKinds) {
        if (!ComponentCatalogue::instance().find(kind))
            diffs.append(
                QStringLiteral("documents kind `%1`, which the catalogue does not have").arg(kind));
        if (docKinds.count(kind) > 1)
            diffs.append(QStringLiteral("documents kind `%1` twice").arg(kind));
    }
    for (const KindInfo &info : kinds) {
        const qsizetype i = docKinds.indexOf(info.kind);
        if (i < 0)
            diffs.append(QStringLiteral("kind `%1` is not documented").arg(info.kind));
        else
            compareKind(info, doc.at(i), &diffs);
    }
    if (diffs.isEmpty() && docKinds != ComponentCatalogue::instance().kindNames())
        diffs.append(QStringLiteral("kinds are not in catalogue (palette) order"));
    return diffs;
}

QString keyTable(const QList<ConfigKey> &keys)
{
    QString out = QStringLiteral("| key | type | default | range | unit | description |\n"
                                 "|---|---|---|---|---|---|\n");
    for (const ConfigKey &k : keys) {
        out += QStringLiteral("| `%1` | %2 | `%3` | %4 | %5 | %6 |\n")
                   .arg(k.key, valueTypeName(k.type), compactJson(k.defaultValue), expectedRange(k),
                        k.unit, k.help);
    }
    return out;
}

// The kind sections as the catalogue would have them, in the layout parseDoc() reads.
QString expectedSections()
{
    QString out;
    for (const KindInfo &info : ComponentCatalogue::instance().kinds()) {
        QStringList callees;
        for (const QString &c : info.callees)
            callees.append(QLatin1Char('`') + c + QLatin1Char('`'));
        out += QStringLiteral("## %1\n\n").arg(info.displayName);
        out += QStringLiteral("- **Kind:** `%1`\n").arg(info.kind);
        out += QStringLiteral("- **Category:** %1\n").arg(categoryName(info.category));
        out += QStringLiteral("- **Icon:** `%1`\n").arg(info.icon);
        out += QStringLiteral("- **Listens:** %1\n")
                   .arg(info.listens() ? QLatin1Char('`') + info.urlScheme + QLatin1Char('`')
                                       : QStringLiteral("no"));
        out += QStringLiteral("- **May call:** %1\n")
                   .arg(callees.isEmpty() ? QStringLiteral("nothing")
                                          : callees.join(QStringLiteral(", ")));
        out += QStringLiteral("- **What it is:** %1\n\n").arg(info.description);
        out += QStringLiteral("### Configuration\n\n") + keyTable(info.config);
        out += QStringLiteral("\n### Link configuration\n\n");
        out += info.linkConfig.isEmpty()
                   ? QStringLiteral("Links going out of this kind have no settings.\n\n")
                   : keyTable(info.linkConfig) + QLatin1Char('\n');
    }
    return out;
}

QString readDoc()
{
    QFile file(QStringLiteral(INFRALAB_SOURCE_DIR "/docs/components.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestComponentDocs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_doc = readDoc();
        QVERIFY2(!m_doc.isEmpty(), "docs/components.md is missing or empty");
    }

    // The parser and the comparison rely on texts without table or line breaks.
    void catalogueTextsFitTheTable()
    {
        for (const KindInfo &info : ComponentCatalogue::instance().kinds()) {
            QList<ConfigKey> keys = info.config + info.linkConfig;
            for (const ConfigKey &k : keys) {
                const QString text = k.help + k.unit + compactJson(k.defaultValue);
                QVERIFY2(!text.contains(QLatin1Char('|')) && !text.contains(QLatin1Char('\n'))
                             && !text.contains(QLatin1Char('`')),
                         qPrintable(info.kind + QLatin1Char('.') + k.key));
                QVERIFY2(!k.help.isEmpty(), qPrintable(info.kind + QLatin1Char('.') + k.key));
            }
            QVERIFY2(!info.description.contains(QLatin1Char('\n')), qPrintable(info.kind));
        }
    }

    void everyKindIsDocumented_data()
    {
        QTest::addColumn<QString>("kind");
        for (const KindInfo &info : ComponentCatalogue::instance().kinds())
            QTest::newRow(qPrintable(info.kind)) << info.kind;
    }
    void everyKindIsDocumented()
    {
        QFETCH(QString, kind);
        QStringList diffs;
        const QList<DocKind> doc = parseDoc(m_doc, &diffs);
        const KindInfo *info = ComponentCatalogue::instance().find(kind);
        QVERIFY(info);
        auto it = std::find_if(doc.begin(), doc.end(),
                               [&](const DocKind &k) { return k.kind == kind; });
        if (it == doc.end())
            diffs.append(QStringLiteral("kind `%1` is not documented").arg(kind));
        else
            compareKind(*info, *it, &diffs);
        if (!diffs.isEmpty())
            writeExpected();
        QVERIFY2(diffs.isEmpty(), qPrintable(diffs.join(QLatin1Char('\n'))));
    }

    void documentMatchesCatalogue()
    {
        const QStringList diffs = differences(m_doc);
        if (!diffs.isEmpty())
            writeExpected();
        QVERIFY2(diffs.isEmpty(), qPrintable(diffs.join(QLatin1Char('\n'))));
    }

    // The generated sections parse back without differences, so the layout above is real.
    void expectedSectionsRoundTrip()
    {
        const QStringList diffs = differences(expectedSections());
        QVERIFY2(diffs.isEmpty(), qPrintable(diffs.join(QLatin1Char('\n'))));
    }

    // A check that cannot fail is worse than none: each edit of the document must be caught.
    void mutationsAreCaught_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<QString>("expected");

        QTest::newRow("default changed") << R"((\| `health_check_interval_ms` \| int \| )`2000`)"
                                         << "\\1`2500`"
                                         << "default is 2500";
        QTest::newRow("string default changed")
            << R"((\| `forward_prefixes` \| string list \| )`\["/api/"\]`)"
            << "\\1`[\"/v1/\"]`"
            << "web-server.config.forward_prefixes";
        QTest::newRow("type changed") << R"(\| `gzip` \| bool \|)"
                                      << "| `gzip` | string |"
                                      << "type is \"string\"";
        QTest::newRow("range changed") << R"((\| `rise` \| int \| `2` \| )1\.\.100)"
                                       << "\\g<1>1..99"
                                       << "range is";
        QTest::newRow("enum value dropped") << R"(, `first`)"
                                            << ""
                                            << "values are";
        QTest::newRow("unit changed")
            << R"((\| `cache_ttl_s` \| int \| `60` \| 0\.\.86400 \| )s \|)"
            << "\\1ms |"
            << "unit is";
        QTest::newRow("help changed") << R"(Cache GET and HEAD responses\.)"
                                      << "Cache every response."
                                      << "description is";
        QTest::newRow("key missing") << R"(\n\| `fall` \|[^\n]*)"
                                     << ""
                                     << "`fall` is not documented";
        QTest::newRow("key added") << R"((\n\| `sticky_cookie` \|[^\n]*))"
                                   << "\\1\n| `sticky_ttl_s` | int | `0` | 0..10 | s | Made up. |"
                                   << "sticky_ttl_s";
        QTest::newRow("link key missing") << R"(\n\| `backup` \|[^\n]*)"
                                          << ""
                                          << "links: `backup` is not documented";
        QTest::newRow("callee missing") << R"((- \*\*May call:\*\* [^\n]*), `cache`)"
                                        << "\\1"
                                        << "May call";
        QTest::newRow("category changed")
            << R"((- \*\*Kind:\*\* `cache`\n- \*\*Category:\*\* )data)"
            << "\\1compute"
            << "Category";
        QTest::newRow("kind missing") << R"(\n## Cache\n.*)"
                                      << "\n"
                                      << "kind `cache` is not documented";
    }
    void mutationsAreCaught()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, replacement);
        QFETCH(QString, expected);
        // QRegularExpression has no \g<1>; keep the table readable and translate here.
        replacement.replace(QStringLiteral("\\g<1>"), QStringLiteral("\\1"));
        const QRegularExpression re(pattern, QRegularExpression::DotMatchesEverythingOption);
        QVERIFY2(re.isValid(), qPrintable(re.errorString()));
        QString mutated = m_doc;
        const QRegularExpressionMatch m = re.match(mutated);
        QVERIFY2(m.hasMatch(), "the pattern does not occur in docs/components.md");
        QString replaced = replacement;
        for (int i = 1; i <= re.captureCount(); ++i)
            replaced.replace(QStringLiteral("\\%1").arg(i), m.captured(i));
        mutated.replace(m.capturedStart(), m.capturedLength(), replaced);
        QVERIFY(mutated != m_doc);

        const QStringList diffs = differences(mutated);
        QVERIFY2(!diffs.isEmpty(), "the mutation went unnoticed");
        QVERIFY2(diffs.join(QLatin1Char('\n')).contains(expected),
                 qPrintable(diffs.join(QLatin1Char('\n'))));
    }

private:
    void writeExpected()
    {
        QFile out(QStringLiteral(INFRALAB_BINARY_DIR "/components.expected.md"));
        if (out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            out.write(expectedSections().toUtf8());
            qWarning("The sections the catalogue implies are in %s", qPrintable(out.fileName()));
        }
    }

    QString m_doc;
};

QTEST_GUILESS_MAIN(TestComponentDocs)
#include "tst_componentdocs.moc"
