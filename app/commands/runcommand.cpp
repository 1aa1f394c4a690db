#include "commands/runcommand.h"

#include "commands/console.h"
#include "commands/terminationsignals.h"
#include "commands/validatecommand.h"
#include "components/trafficgenerator/generatorreport.h"
#include "control/controlserver.h"
#include "format/topologyreader.h"
#include "runtime/component.h"
#include "runtime/lab.h"
#include "runtime/labreport.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>

#include <cmath>

namespace infralab {

namespace {

constexpr double MaxDurationS = 24 * 24 * 3600.0; // below QTimer's limit of 2^31 ms
constexpr int MaxThreads = 1024;

} // namespace

QString RunCommand::name() const
{
    return QStringLiteral("run");
}

QString RunCommand::synopsis() const
{
    return QStringLiteral("FILE [--duration S] [--threads N] [--control PORT] [--report FILE]");
}

QString RunCommand::summary() const
{
    return tr("Start every node of a topology headless; stop on SIGINT/SIGTERM.");
}

int RunCommand::run(const QStringList &arguments)
{
    const auto parsed = parse(arguments);
    if (const int *exitStatus = std::get_if<int>(&parsed))
        return *exitStatus;
    return runTopology(std::get<Options>(parsed));
}

std::variant<RunCommand::Options, int> RunCommand::parse(const QStringList &arguments) const
{
    const QString usage = tr(
        "Usage: infralab run FILE [--duration S] [--threads N] [--control PORT] [--report FILE]");
    const QString helpCommand = QStringLiteral("infralab run --help");

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Starts every node of a topology file on 127.0.0.1 without a window, callees\n"
           "before callers. Prints '<id> <kind> <url>' for each listening node, then 'ready'.\n"
           "Runs until SIGINT or SIGTERM (or the duration), drains the connections and\n"
           "exits. Nodes of kinds this version cannot run yet are reported and skipped.\n"
           "With --control, the control API (docs/control-api.md) listens on\n"
           "127.0.0.1:PORT and 'control <url>' is printed before 'ready'.\n"
           "\n"
           "Exit status: 0 after a clean stop; 1 when the file is invalid or a node cannot\n"
           "start (nothing is then left running); 2 on usage errors."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption durationOption(
        QStringLiteral("duration"), tr("Stop by itself after S seconds (0: run until stopped)."),
        QStringLiteral("S"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
                                           tr("Network threads (default: one per processor core)."),
                                           QStringLiteral("N"));
    const QCommandLineOption controlOption(
        QStringLiteral("control"),
        tr("Serve the control API (HTTP/JSON, Prometheus /metrics) on 127.0.0.1:PORT "
           "(0: a free port)."),
        QStringLiteral("PORT"));
    const QCommandLineOption reportOption(
        QStringLiteral("report"),
        tr("When the run ends, write it as JSON to FILE (per node totals, generator "
           "summaries, per-second series)."),
        QStringLiteral("FILE"));
    parser.addOptions({durationOption, threadsOption, controlOption, reportOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("Topology file (*.infralab.json)."));

    if (!parser.parse(arguments))
        return console::usageError(parser.errorText(), usage, helpCommand);
    if (parser.isSet(helpOption)) {
        // Qt's first line names argv[0]; ours names the command as users type it.
        const QString help = parser.helpText();
        console::out(usage + help.mid(help.indexOf(QLatin1Char('\n'))));
        return ExitSuccess;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return console::usageError(tr("run: no FILE given."), usage, helpCommand);
    if (files.size() > 1) {
        return console::usageError(
            tr("run: only one FILE can be run; unexpected '%1'.").arg(files.at(1)), usage,
            helpCommand);
    }

    Options options;
    options.fileName = files.constFirst();
    if (parser.isSet(durationOption)) {
        bool ok = false;
        const QString text = parser.value(durationOption);
        const double seconds = text.toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > MaxDurationS) {
            return console::usageError(
                tr("run: --duration must be a number of seconds from 0 to %1; got '%2'.")
                    .arg(qint64(MaxDurationS))
                    .arg(text),
                usage, helpCommand);
        }
        // A tiny positive duration still stops by itself.
        options.durationMs = seconds > 0 ? std::max(1, int(std::lround(seconds * 1000))) : 0;
    }
    if (parser.isSet(threadsOption)) {
        bool ok = false;
        const QString text = parser.value(threadsOption);
        options.threads = text.toInt(&ok);
        if (!ok || options.threads < 1 || options.threads > MaxThreads) {
            return console::usageError(
                tr("run: --threads must be a whole number from 1 to %1; got '%2'.")
                    .arg(MaxThreads)
                    .arg(text),
                usage, helpCommand);
        }
    }
    if (parser.isSet(controlOption)) {
        bool ok = false;
        const QString text = parser.value(controlOption);
        options.controlPort = text.toInt(&ok);
        if (!ok || options.controlPort < 0 || options.controlPort > 65535) {
            return console::usageError(
                tr("run: --control must be a port from 0 to 65535; got '%1'.").arg(text), usage,
                helpCommand);
        }
    }
    if (parser.isSet(reportOption)) {
        options.reportFile = parser.value(reportOption);
        if (options.reportFile.isEmpty())
            return console::usageError(tr("run: --report needs a FILE."), usage, helpCommand);
    }
    return options;
}

int RunCommand::runTopology(const Options &options)
{
    // The window opens a file with errors so the user can fix it; a headless run cannot.
    const ReadResult file = TopologyReader::readFile(options.fileName);
    const Problems problems = validateFile(file);
    for (const Problem &problem : problems)
        console::err(ValidateCommand::formatProblem(options.fileName, problem) + QLatin1Char('\n'));
    if (hasErrors(problems))
        return ExitFailure;
    const Topology &topology = file.topology;

    // Installed before anything listens, so a signal during the start still drains.
    TerminationSignals termination;
    runtime::Lab lab(runtime::ComponentFactory::builtIn());
    int exitStatus = ExitSuccess;

    // The control API binds first: a taken control port fails the run before any node listens.
    std::unique_ptr<control::ControlServer> controlServer;
    if (options.controlPort >= 0) {
        controlServer = std::make_unique<control::ControlServer>(lab);
        QString error;
        if (!controlServer->listen(quint16(options.controlPort), &error)) {
            console::error(tr("control API: %1").arg(error));
            console::error(
                tr("%1 was not started; nothing is left running.").arg(options.fileName));
            return ExitFailure;
        }
    }

    QObject::connect(
        &lab, &runtime::Lab::nodeStateChanged, &lab,
        [&topology](const QString &nodeId, runtime::NodeState state, const QString &detail) {
            if (state == runtime::NodeState::Skipped) {
                console::err(tr("%1: %2 nodes are not implemented yet; skipped")
                                 .arg(nodeId, topology.findNode(nodeId)->kind)
                             + QLatin1Char('\n'));
            } else if (state == runtime::NodeState::Failed) {
                console::err(nodeId + QStringLiteral(": ") + detail + QLatin1Char('\n'));
            }
        });
    // Each traffic generator's wrk-like summary once it has stopped (callers stop first, so
    // before the servers it loaded drain).
    QObject::connect(&lab, &runtime::Lab::nodeStateChanged, &lab,
                     [&lab, &topology, &exitStatus](const QString &nodeId, runtime::NodeState state,
                                                    const QString &) {
                         const Node *node = topology.findNode(nodeId);
                         if (state == runtime::NodeState::Stopped && exitStatus == ExitSuccess
                             && node && node->kind == QLatin1String("traffic-generator"))
                             console::out(
                                 trafficgenerator::summaryText(nodeId, lab.details(nodeId)));
                     });
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QObject::connect(&lab, &runtime::Lab::stopped, &lab, [&] {
        if (exitStatus != ExitSuccess) {
            console::error(
                tr("%1 was not started; nothing is left running.").arg(options.fileName));
        } else if (!options.reportFile.isEmpty()
                   && !writeReport(lab, options, started, QDateTime::currentDateTimeUtc())) {
            exitStatus = ExitFailure;
        }
        QCoreApplication::exit(exitStatus);
    });
    QObject::connect(&termination, &TerminationSignals::received, &lab, [&lab] { lab.stop(); });

    const QString topologyDir = QFileInfo(options.fileName).absolutePath();
    if (!lab.start(topology, topologyDir, options.threads, runtime::Lab::FailurePolicy::StopAll)) {
        exitStatus = ExitFailure;
        controlServer.reset();
        return QCoreApplication::exec(); // until the rollback has closed every port
    }

    for (const Node &node : topology.nodes) {
        const runtime::Component *component = lab.component(node.id);
        if (component && !component->url().isEmpty())
            console::out(node.id + QLatin1Char(' ') + node.kind + QLatin1Char(' ')
                         + component->url() + QLatin1Char('\n'));
    }
    if (controlServer)
        console::out(QStringLiteral("control ") + controlServer->url() + QLatin1Char('\n'));
    console::out(QStringLiteral("ready\n"));

    QTimer duration;
    if (options.durationMs > 0) {
        duration.setSingleShot(true);
        duration.setTimerType(Qt::PreciseTimer); // a coarse timer may end up to 5% early
        QObject::connect(&duration, &QTimer::timeout, &lab, [&lab] { lab.stop(); });
        duration.start(options.durationMs);
    }
    return QCoreApplication::exec();
}

bool RunCommand::writeReport(const runtime::Lab &lab, const Options &options,
                             const QDateTime &started, const QDateTime &ended)
{
    const QJsonObject report
        = runtime::labReport(lab, QFileInfo(options.fileName).absoluteFilePath(), started, ended);
    QSaveFile out(options.reportFile);
    if (!out.open(QIODevice::WriteOnly)
        || out.write(QJsonDocument(report).toJson(QJsonDocument::Indented)) < 0 || !out.commit()) {
        console::error(
            tr("--report: cannot write %1: %2").arg(options.reportFile, out.errorString()));
        return false;
    }
    return true;
}

} // namespace infralab
