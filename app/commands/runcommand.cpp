#include "commands/runcommand.h"

#include "commands/console.h"
#include "commands/terminationsignals.h"
#include "commands/validatecommand.h"
#include "format/topologyreader.h"
#include "runtime/component.h"
#include "runtime/lab.h"

#include <QCommandLineParser>
#include <QFileInfo>
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
    return QStringLiteral("FILE [--duration S] [--threads N]");
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
    const QString usage = tr("Usage: infralab run FILE [--duration S] [--threads N]");
    const QString helpCommand = QStringLiteral("infralab run --help");

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Starts every node of a topology file on 127.0.0.1 without a window, callees\n"
           "before callers. Prints '<id> <kind> <url>' for each listening node, then 'ready'.\n"
           "Runs until SIGINT or SIGTERM (or the duration), drains the connections and\n"
           "exits. Nodes of kinds this version cannot run yet are reported and skipped.\n"
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
    // Part of the command-line contract, but the control API is not in this version: refuse
    // it rather than accept a port nothing would listen on.
    QCommandLineOption controlOption(QStringLiteral("control"), QString(), QStringLiteral("PORT"));
    controlOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({durationOption, threadsOption, controlOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("Topology file (*.infralab.json)."));

    if (!parser.parse(arguments))
        return console::usageError(parser.errorText(), usage, helpCommand);
    if (parser.isSet(helpOption)) {
        // Qt's first line names argv[0]; ours names the command as users type it.
        const QString help = parser.helpText();
        console::out(usage + help.mid(help.indexOf(QLatin1Char('\n'))));
        return ExitSuccess;
    }
    if (parser.isSet(controlOption)) {
        console::error(tr("run: --control is not available in this version yet."));
        return ExitFailure;
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
    return options;
}

int RunCommand::runTopology(const Options &options)
{
    const ReadResult file = TopologyReader::readFile(options.fileName);
    for (const Problem &problem : file.problems)
        console::err(ValidateCommand::formatProblem(options.fileName, problem) + QLatin1Char('\n'));
    if (!file.ok())
        return ExitFailure;
    const Topology &topology = file.topology;

    // Installed before anything listens, so a signal during the start still drains.
    TerminationSignals termination;
    runtime::Lab runner(runtime::ComponentFactory::builtIn());
    int exitStatus = ExitSuccess;

    QObject::connect(
        &runner, &runtime::Lab::nodeStateChanged, &runner,
        [&topology](const QString &nodeId, runtime::NodeState state, const QString &detail) {
            if (state == runtime::NodeState::Skipped) {
                console::err(tr("%1: %2 nodes are not implemented yet; skipped")
                                 .arg(nodeId, topology.findNode(nodeId)->kind)
                             + QLatin1Char('\n'));
            } else if (state == runtime::NodeState::Failed) {
                console::err(nodeId + QStringLiteral(": ") + detail + QLatin1Char('\n'));
            }
        });
    QObject::connect(&runner, &runtime::Lab::stopped, &runner, [&] {
        if (exitStatus != ExitSuccess) {
            console::error(
                tr("%1 was not started; nothing is left running.").arg(options.fileName));
        }
        QCoreApplication::exit(exitStatus);
    });
    QObject::connect(&termination, &TerminationSignals::received, &runner,
                     [&runner] { runner.stop(); });

    const QString topologyDir = QFileInfo(options.fileName).absolutePath();
    if (!runner.start(topology, topologyDir, options.threads,
                      runtime::Lab::FailurePolicy::StopAll)) {
        exitStatus = ExitFailure;
        return QCoreApplication::exec(); // until the rollback has closed every port
    }

    for (const Node &node : topology.nodes) {
        const runtime::Component *component = runner.component(node.id);
        if (component && !component->url().isEmpty())
            console::out(node.id + QLatin1Char(' ') + node.kind + QLatin1Char(' ')
                         + component->url() + QLatin1Char('\n'));
    }
    console::out(QStringLiteral("ready\n"));

    QTimer duration;
    if (options.durationMs > 0) {
        duration.setSingleShot(true);
        duration.setTimerType(Qt::PreciseTimer); // a coarse timer may end up to 5% early
        QObject::connect(&duration, &QTimer::timeout, &runner, [&runner] { runner.stop(); });
        duration.start(options.durationMs);
    }
    return QCoreApplication::exec();
}

} // namespace infralab
