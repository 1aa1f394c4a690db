#include "format/topologyreader.h"
#include "validation/problem.h"

#include <infralab/version.h>

#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// The real `infralab` binary, run as users and scripts run it: exit statuses, help and
// version, `validate` output lines, usage errors, and the window refusing cleanly when
// there is no display. Contract: docs/DESIGN.md, "Command line".
using namespace infralab;

namespace {

struct Run
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QString out;
    QString err;

    QStringList errLines() const { return err.split(u'\n', Qt::SkipEmptyParts); }
};

Run runInfralab(const QStringList &arguments, const QString &workingDirectory = {},
                const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(INFRALAB_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out: infralab " + arguments.join(' ');
        return run;
    }
    run.exitCode = process.exitCode();
    run.exitStatus = process.exitStatus();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// What `infralab validate` must print for `fileName`, from the same reader the binary uses:
// one `FILE: path: message` line per error, `FILE: path: warning: message` per warning.
QStringList expectedLines(const QString &shownName, const QString &path)
{
    QStringList lines;
    for (const Problem &problem : validateFile(TopologyReader::readFile(path))) {
        QString line = shownName + ": ";
        if (problem.isError()) {
            line += problem.toString();
        } else {
            if (!problem.path.isEmpty())
                line += problem.path + ": ";
            line += "warning: " + problem.message;
        }
        lines.append(line);
    }
    return lines;
}

QByteArray topology(const QByteArray &nodes, const QByteArray &links = "[]",
                    const QByteArray &extra = {})
{
    return R"({ "format": "infralab-topology", "version": 1, "name": "t", )" + extra
           + R"( "nodes": )" + nodes + R"(, "links": )" + links + " }";
}

const QByteArray validNodes
    = R"([ { "id": "web", "kind": "web-server", "config": { "port": 0 } } ])";

QProcessEnvironment withoutDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    return env;
}

QProcessEnvironment germanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        env.remove(name);
    env.insert("LANG", "de_DE.UTF-8");
    return env;
}

// The finished German translation of `source` in the committed .ts, or an empty string.
QString committedTranslation(const QString &context, const QString &source)
{
    QFile file(INFRALAB_SOURCE_DIR "/translations/infralab_de.ts");
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&file);
    QString currentContext;
    QString currentSource;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"context") {
            currentContext.clear();
        } else if (xml.name() == u"name") {
            currentContext = xml.readElementText();
        } else if (xml.name() == u"source") {
            currentSource = xml.readElementText();
        } else if (xml.name() == u"translation") {
            const bool finished = xml.attributes().value(QStringLiteral("type")).isEmpty();
            const QString text = xml.readElementText();
            if (finished && currentContext == context && currentSource == source)
                return text;
        }
    }
    return {};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void helpAndVersion_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("stdoutContains");

        const QStringList version = {QStringLiteral("infralab " INFRALAB_VERSION "\n")};
        QTest::newRow("--version") << QStringList{"--version"} << version;
        QTest::newRow("-v") << QStringList{"-v"} << version;
        const QStringList help = {"Usage: infralab [options] [FILE]",
                                  "--version",
                                  "validate FILE...",
                                  "run FILE",
                                  "export FILE",
                                  "Exit status:",
                                  "2  usage error"};
        QTest::newRow("--help") << QStringList{"--help"} << help;
        QTest::newRow("-h with a file") << QStringList{"-h", "lab.infralab.json"} << help;
        QTest::newRow("validate --help")
            << QStringList{"validate", "--help"}
            << QStringList{"FILE...", "warning", "Exit status: 0 when every file is valid"};
    }

    void helpAndVersion()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, stdoutContains);

        // Help and version never need a display.
        const Run run = runInfralab(arguments, {}, withoutDisplay());
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QCOMPARE(run.err, QString());
        QCOMPARE(run.exitCode, 0);
        for (const QString &text : stdoutContains)
            QVERIFY2(run.out.contains(text), qPrintable("missing '" + text + "' in:\n" + run.out));
        if (arguments.constFirst().startsWith("-v") || arguments.constFirst() == "--version")
            QCOMPARE(run.out, stdoutContains.constFirst());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("stderrContains");

        const QString validateUsage = "Usage: infralab validate FILE...";
        const QString usage = "Usage: infralab [options] [FILE]";
        QTest::newRow("validate without files")
            << QStringList{"validate"} << 2
            << QStringList{"infralab: validate: no FILE given.", validateUsage,
                           "Try 'infralab validate --help'"};
        QTest::newRow("validate with an unknown option")
            << QStringList{"validate", "--frobnicate", "a.infralab.json"} << 2
            << QStringList{"Unknown option 'frobnicate'", validateUsage};
        QTest::newRow("unknown option")
            << QStringList{"--frobnicate"} << 2
            << QStringList{"Unknown option 'frobnicate'", usage, "Try 'infralab --help'"};
        QTest::newRow("two files for the window")
            << QStringList{"a.infralab.json", "b.infralab.json"} << 2
            << QStringList{"Only one FILE can be opened; unexpected 'b.infralab.json'", usage};
        QTest::newRow("command after a file") << QStringList{"a.infralab.json", "validate"} << 2
                                              << QStringList{"'validate' must come first", usage};
        const QString runUsage = "Usage: infralab run FILE [--duration S] [--threads N]";
        QTest::newRow("run without a file")
            << QStringList{"run"} << 2
            << QStringList{"infralab: run: no FILE given.", runUsage, "Try 'infralab run --help'"};
        QTest::newRow("run with two files")
            << QStringList{"run", "a.infralab.json", "b.infralab.json"} << 2
            << QStringList{"infralab: run: only one FILE can be run; unexpected 'b.infralab.json'.",
                           runUsage};
        QTest::newRow("run with an unknown option")
            << QStringList{"run", "--frobnicate", "a.infralab.json"} << 2
            << QStringList{"Unknown option 'frobnicate'", runUsage};
        QTest::newRow("run with a negative duration")
            << QStringList{"run", "a.infralab.json", "--duration", "-1"} << 2
            << QStringList{"infralab: run: --duration must be a number of seconds from 0 to "
                           "2073600; got '-1'.",
                           runUsage};
        QTest::newRow("run with a duration that is no number")
            << QStringList{"run", "a.infralab.json", "--duration", "soon"} << 2
            << QStringList{"--duration must be a number of seconds", "got 'soon'"};
        QTest::newRow("run with a duration without value")
            << QStringList{"run", "a.infralab.json", "--duration"} << 2
            << QStringList{"Missing value after '--duration'", runUsage};
        QTest::newRow("run with zero threads")
            << QStringList{"run", "a.infralab.json", "--threads", "0"} << 2
            << QStringList{
                   "infralab: run: --threads must be a whole number from 1 to 1024; got '0'.",
                   runUsage};
        QTest::newRow("run with too many threads")
            << QStringList{"run", "a.infralab.json", "--threads", "5000"} << 2
            << QStringList{"--threads must be a whole number from 1 to 1024; got '5000'"};
        QTest::newRow("run with a control port out of range")
            << QStringList{"run", "a.infralab.json", "--control", "70000"} << 2
            << QStringList{"infralab: run: --control must be a port from 0 to 65535; got '70000'.",
                           runUsage};
        QTest::newRow("run with a control port that is no number")
            << QStringList{"run", "a.infralab.json", "--control", "http"} << 2
            << QStringList{"--control must be a port from 0 to 65535; got 'http'"};
        // Well-formed calls of what this version does not have: a failure, not a usage error.
        QTest::newRow("export is not available yet")
            << QStringList{"export", "a.infralab.json", "--format", "nginx", "--out", "x"} << 1
            << QStringList{"infralab: 'export' is not available in this version yet."};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QStringList, stderrContains);

        const Run run = runInfralab(arguments);
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(run.out, QString());
        for (const QString &text : stderrContains)
            QVERIFY2(run.err.contains(text), qPrintable("missing '" + text + "' in:\n" + run.err));
    }

    void bundledExamplesExist()
    {
        QVERIFY(QFile::exists(INFRALAB_SOURCE_DIR "/resources/examples/three-tier.infralab.json"));
    }

    void validateExamples_data()
    {
        QTest::addColumn<QString>("fileName");
        const QDir examples(INFRALAB_SOURCE_DIR "/resources/examples");
        for (const QString &name : examples.entryList({"*.infralab.json"}, QDir::Files))
            QTest::newRow(qPrintable(name)) << examples.filePath(name);
    }

    void validateExamples()
    {
        QFETCH(QString, fileName);
        const Run run = runInfralab({"validate", fileName});
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, QString());
        for (const QString &line : run.errLines())
            QVERIFY2(line.startsWith(fileName + ": ") && line.contains(": warning: "),
                     qPrintable(line));
    }

    void validateFiles_data()
    {
        // Files written to a temporary folder and passed by relative name, so the lines
        // start with the name exactly as given. `contract` lines are spelled out by
        // docs/DESIGN.md; every printed line must also match the reader's findings exactly.
        QTest::addColumn<QList<QPair<QString, QByteArray>>>("files");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("contract");

        using Files = QList<QPair<QString, QByteArray>>;
        QTest::newRow("valid") << Files{{"ok.infralab.json", topology(validNodes)}} << 0
                               << QStringList{};
        QTest::newRow("port out of range")
            << Files{{"lab.infralab.json",
                      topology(R"([ { "id": "web", "kind": "web-server", "config": { "port": 0 } },
                                    { "id": "db", "kind": "database" },
                                    { "id": "api", "kind": "app-server", "config": { "port": 70000 } } ])")}}
            << 1
            << QStringList{"lab.infralab.json: nodes[2].config.port: 70000 is outside 0..65535"};
        QTest::newRow("not JSON") << Files{{"broken.infralab.json", "{ \"format\": "}} << 1
                                  << QStringList{};
        QTest::newRow("empty file") << Files{{"empty.infralab.json", ""}} << 1 << QStringList{};
        QTest::newRow("newer format version")
            << Files{{"future.infralab.json",
                      R"({ "format": "infralab-topology", "version": 2, "nodes": [], "links": [] })"}}
            << 1 << QStringList{};
        QTest::newRow("unknown kind")
            << Files{{"kind.infralab.json", topology(R"([ { "id": "x", "kind": "mainframe" } ])")}}
            << 1 << QStringList{};
        QTest::newRow("duplicate id")
            << Files{{"dup.infralab.json", topology(R"([ { "id": "web", "kind": "web-server" },
                                    { "id": "web", "kind": "cache" } ])")}}
            << 1 << QStringList{};
        QTest::newRow("link to a missing node")
            << Files{{"link.infralab.json",
                      topology(validNodes, R"([ { "from": "web", "to": "ghost" } ])")}}
            << 1 << QStringList{};
        QTest::newRow("unknown key is only a warning")
            << Files{{"extra.infralab.json", topology(validNodes, "[]", R"("colour": "blue",)")}}
            << 0 << QStringList{};
        QTest::newRow("one bad among good") << Files{{"a.infralab.json", topology(validNodes)},
                                                     {"b.infralab.json", "[]"},
                                                     {"c.infralab.json", topology(validNodes)}}
                                            << 1 << QStringList{};
        QTest::newRow("missing file") << Files{{"missing.infralab.json", {}}} << 1 << QStringList{};
    }

    void validateFiles()
    {
        using Files = QList<QPair<QString, QByteArray>>;
        QFETCH(Files, files);
        QFETCH(int, exitCode);
        QFETCH(QStringList, contract);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList arguments{"validate"};
        QStringList expected;
        for (const auto &[name, content] : files) {
            if (!name.startsWith("missing")) {
                QFile file(dir.filePath(name));
                QVERIFY(file.open(QIODevice::WriteOnly));
                file.write(content);
            }
            arguments.append(name);
            expected += expectedLines(name, dir.filePath(name));
        }

        const Run run = runInfralab(arguments, dir.path());
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QCOMPARE(run.out, QString());
        QCOMPARE(run.errLines(), expected);
        QCOMPARE(run.exitCode, exitCode);
        if (exitCode == 1)
            QVERIFY2(std::any_of(expected.cbegin(), expected.cend(),
                                 [](const QString &l) { return !l.contains(": warning: "); }),
                     "an invalid file needs at least one error line");
        else
            QVERIFY(std::all_of(expected.cbegin(), expected.cend(),
                                [](const QString &l) { return l.contains(": warning: "); }));
        for (const QString &line : contract)
            QVERIFY2(run.errLines().contains(line),
                     qPrintable("missing line: " + line + "\ngot:\n" + run.err));
    }

    void windowWithoutDisplay_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("fileShown");
        QTest::newRow("no file") << QStringList{} << "FILE";
        QTest::newRow("a file") << QStringList{"lab.infralab.json"} << "lab.infralab.json";
        QTest::newRow("a file with a space")
            << QStringList{"my lab.infralab.json"} << "'my lab.infralab.json'";
    }

    void windowWithoutDisplay()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, fileShown);

        const Run run = runInfralab(arguments, {}, withoutDisplay());
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.startsWith("infralab: cannot open the window: there is no display"),
                 qPrintable(run.err));
        for (const QString &text : {"infralab validate " + fileShown, "infralab run " + fileShown,
                                    "QT_QPA_PLATFORM=offscreen infralab " + fileShown}) {
            QVERIFY2(run.err.contains(text), qPrintable("missing '" + text + "' in:\n" + run.err));
        }
        QVERIFY2(!run.err.contains("qt.qpa"), qPrintable(run.err));
    }

    void ownMessagesFollowTheLocale()
    {
        // Our catalogue (:/i18n/infralab_de.qm, from translations/infralab_de.ts) is loaded too.
        const QString source = "validate: no FILE given.";
        const QString german = committedTranslation("infralab::ValidateCommand", source);
        if (german.isEmpty())
            QSKIP("translations/infralab_de.ts has no German for this message yet");
        const Run run = runInfralab({"validate"}, {}, germanEnvironment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith("infralab: " + german), qPrintable(run.err));
    }

    void qtMessagesFollowTheLocale()
    {
        // The translation machinery: Qt's own catalogue is loaded for the user's language.
        const QString catalogue
            = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + "/qtbase_de.qm";
        if (!QFile::exists(catalogue))
            QSKIP("qtbase_de.qm is not installed (Debian: qt6-translations-l10n)");
        const Run run = runInfralab({"--frobnicate"}, {}, germanEnvironment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("Unbekannte Option 'frobnicate'"), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
