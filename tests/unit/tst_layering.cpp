#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

// The layers of DESIGN.md: app → widgets → core, never back. core must stay free of widgets,
// charts and graphics-view code (it runs headless in `infralab run`), widgets must not reach
// into app/. The compiler already refuses most violations, because core does not link Qt
// Widgets and app/ exports no include folder; this test names the file and line, and catches
// the ones that would compile (a stray Qt6::Widgets in core/CMakeLists.txt, a relative path).

namespace {

const QString SourceDir = QStringLiteral(INFRALAB_SOURCE_DIR);

struct Include
{
    QString file; // relative to the source folder
    int line = 0;
    QString path; // as written between <> or ""
};

bool isSourceFile(const QString &name)
{
    static const QStringList suffixes
        = {QStringLiteral(".h"),  QStringLiteral(".hpp"), QStringLiteral(".cpp"),
           QStringLiteral(".cc"), QStringLiteral(".cxx"), QStringLiteral(".in")};
    for (const QString &s : suffixes) {
        if (name.endsWith(s))
            return true;
    }
    return false;
}

QStringList sourceFiles(const QString &folder)
{
    QStringList files;
    QDirIterator it(SourceDir + QLatin1Char('/') + folder, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (isSourceFile(path))
            files.append(QDir(SourceDir).relativeFilePath(path));
    }
    files.sort();
    return files;
}

// The path of an #include line, or empty when the line is no include.
QString includedPath(const QString &line)
{
    // Not a raw string: moc's preprocessor trips over one holding a quote.
    static const QRegularExpression re(QStringLiteral("^\\s*#\\s*include\\s*[<\"]([^>\"]+)[>\"]"));
    const QRegularExpressionMatch m = re.match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

QList<Include> includesOf(const QString &relativeFile)
{
    QList<Include> includes;
    QFile file(SourceDir + QLatin1Char('/') + relativeFile);
    if (!file.open(QIODevice::ReadOnly))
        return includes;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString path = includedPath(QString::fromUtf8(file.readLine()));
        if (!path.isEmpty())
            includes.append({relativeFile, lineNumber, path});
    }
    return includes;
}

// True for headers of Qt Widgets, Charts, SVG widgets and the graphics view, whichever way
// they are spelt: <QtWidgets>, <QtWidgets/QWidget>, <QGraphicsItem>, <qwidget.h>, <QChartView>.
bool isGuiWidgetHeader(const QString &path)
{
    static const QRegularExpression module(
        QStringLiteral(R"(^(QtWidgets|QtCharts|QtSvgWidgets|QtOpenGLWidgets)$)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression header(
        QStringLiteral(
            R"(^(QWidget|QGraphics\w*|QChart\w*|QMainWindow|QDialog\w*|QApplication)(\.h)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (module.match(part).hasMatch())
            return true;
    }
    return !parts.isEmpty() && header.match(parts.last()).hasMatch();
}

// True when `path`, included from `file`, names a header of the folder `layer` (app/, …).
bool reachesInto(const QString &layer, const Include &include)
{
    const QString path = include.path;
    const QString prefix = layer + QLatin1Char('/');
    if (path.startsWith(prefix) || path.contains(QLatin1Char('/') + prefix))
        return true;
    // Resolved like the compiler would: next to the including file, or below the folders that
    // are on the include path. A name that only exists in `layer` reaches into it.
    const QString includer = QFileInfo(SourceDir + QLatin1Char('/') + include.file).absolutePath();
    const QString besides = QDir::cleanPath(includer + QLatin1Char('/') + path);
    if (QFileInfo::exists(besides))
        return besides.startsWith(SourceDir + QLatin1Char('/') + prefix);
    for (const char *folder : {"core", "widgets"}) {
        if (QFileInfo::exists(SourceDir + QLatin1Char('/') + QLatin1String(folder)
                              + QLatin1Char('/') + path))
            return false;
    }
    return QFileInfo::exists(SourceDir + QLatin1Char('/') + prefix + path);
}

QString describe(const Include &include)
{
    return QStringLiteral("%1:%2: #include <%3>")
        .arg(include.file)
        .arg(include.line)
        .arg(include.path);
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private slots:
    void guiWidgetHeaders_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("forbidden");
        QTest::newRow("module") << "#include <QtWidgets>" << true;
        QTest::newRow("module path") << "#include <QtWidgets/QPushButton>" << true;
        QTest::newRow("charts") << "#include <QtCharts/QLineSeries>" << true;
        QTest::newRow("charts module") << "#include <QtCharts>" << true;
        QTest::newRow("svg widgets") << "#include <QtSvgWidgets/QSvgWidget>" << true;
        QTest::newRow("widget") << "#include <QWidget>" << true;
        QTest::newRow("lower-case header") << "#include <qwidget.h>" << true;
        QTest::newRow("graphics item") << "#include <QGraphicsItem>" << true;
        QTest::newRow("graphics scene") << "  #  include <QGraphicsScene>" << true;
        QTest::newRow("chart view") << "#include <QChartView>" << true;
        QTest::newRow("main window") << "#include \"QMainWindow\"" << true;
        QTest::newRow("dialog button box") << "#include <QDialogButtonBox>" << true;
        QTest::newRow("application") << "#include <QApplication>" << true;
        QTest::newRow("core object") << "#include <QObject>" << false;
        QTest::newRow("gui application") << "#include <QGuiApplication>" << false;
        QTest::newRow("network") << "#include <QtNetwork/QTcpServer>" << false;
        QTest::newRow("svg renderer") << "#include <QSvgRenderer>" << false;
        QTest::newRow("own header") << "#include \"catalogue/componentcatalogue.h\"" << false;
        QTest::newRow("own widget-ish name") << "#include \"runtime/widgetstate.h\"" << false;
        QTest::newRow("comment") << "// #include <QWidget>" << false;
        QTest::newRow("not an include") << "QWidget *w = nullptr;" << false;
    }
    void guiWidgetHeaders()
    {
        QFETCH(QString, line);
        QFETCH(bool, forbidden);
        const QString path = includedPath(line);
        QCOMPARE(!path.isEmpty() && isGuiWidgetHeader(path), forbidden);
    }

    void coreIncludesNoWidgets()
    {
        const QStringList files = sourceFiles(QStringLiteral("core"));
        QVERIFY2(files.contains(QStringLiteral("core/model/topology.h")),
                 "the scan did not find core/model/topology.h; is INFRALAB_SOURCE_DIR right?");
        QStringList violations;
        for (const QString &file : files) {
            for (const Include &include : includesOf(file)) {
                if (isGuiWidgetHeader(include.path)
                    || reachesInto(QStringLiteral("widgets"), include)
                    || reachesInto(QStringLiteral("app"), include)) {
                    violations.append(describe(include));
                }
            }
        }
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
    }

    void coreLinksNoWidgets()
    {
        QDirIterator it(SourceDir + QStringLiteral("/core"), {QStringLiteral("CMakeLists.txt")},
                        QDir::Files, QDirIterator::Subdirectories);
        static const QRegularExpression forbidden(
            QStringLiteral(R"(Qt6?::(Widgets|Charts|SvgWidgets|OpenGLWidgets)\b)"));
        int scanned = 0;
        QStringList violations;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            ++scanned;
            int lineNumber = 0;
            while (!file.atEnd()) {
                ++lineNumber;
                const QString line = QString::fromUtf8(file.readLine());
                if (!line.trimmed().startsWith(QLatin1Char('#'))
                    && forbidden.match(line).hasMatch())
                    violations.append(QStringLiteral("%1:%2: %3")
                                          .arg(QDir(SourceDir).relativeFilePath(file.fileName()))
                                          .arg(lineNumber)
                                          .arg(line.trimmed()));
            }
        }
        QVERIFY(scanned > 0);
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
    }

    void layerRule_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("forbidden");
        QTest::newRow("app folder") << "app/commandline.h" << true;
        QTest::newRow("relative") << "../../app/commandline.h" << true;
        QTest::newRow("core header") << "model/topology.h" << false;
        QTest::newRow("widgets header") << "document/document.h" << false;
        QTest::newRow("qt header") << "QObject" << false;
    }
    void layerRule()
    {
        QFETCH(QString, path);
        QFETCH(bool, forbidden);
        const Include include{QStringLiteral("widgets/document/document.cpp"), 1, path};
        QCOMPARE(reachesInto(QStringLiteral("app"), include), forbidden);
    }

    void widgetsIncludeNoApp()
    {
        const QStringList files = sourceFiles(QStringLiteral("widgets"));
        QVERIFY2(!files.isEmpty(), "no sources found under widgets/");
        QStringList violations;
        for (const QString &file : files) {
            for (const Include &include : includesOf(file)) {
                if (reachesInto(QStringLiteral("app"), include))
                    violations.append(describe(include));
            }
        }
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
