#include "commandline.h"

#include "applicationsetup.h"
#include "commands/console.h"
#include "commands/plannedcommand.h"
#include "commands/runcommand.h"
#include "commands/validatecommand.h"
#include "guimain.h"
#include "net/brokenpipe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QRegularExpression>

namespace infralab {

namespace {

QStringList argumentList(int argc, char **argv)
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list.append(QString::fromLocal8Bit(argv[i]));
    return list;
}

bool isHelpOrVersion(const QString &argument)
{
    static const QStringList names = {
        QStringLiteral("-h"),         QStringLiteral("--help"), QStringLiteral("-?"),
        QStringLiteral("--help-all"), QStringLiteral("-v"),     QStringLiteral("--version"),
    };
    return names.contains(argument);
}

// Qt's xcb and wayland plugins abort the process when they find no display, so the window is
// only attempted when one of these says where to draw. Windows and macOS always have one.
bool hasDisplay(const QStringList &arguments)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    if (arguments.contains(QStringLiteral("-platform"))
        || arguments.contains(QStringLiteral("--platform"))) {
        return true;
    }
    return !qEnvironmentVariableIsEmpty("DISPLAY")
           || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    Q_UNUSED(arguments)
    return true;
#endif
}

// Quotes `argument` for a POSIX shell when it needs it, so printed commands can be pasted.
QString shellQuoted(const QString &argument)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (safe.match(argument).hasMatch())
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

CommandLine::CommandLine()
{
    m_commands.push_back(std::make_unique<ValidateCommand>());
    m_commands.push_back(std::make_unique<RunCommand>());
    m_commands.push_back(std::make_unique<PlannedCommand>(
        QStringLiteral("export"), QStringLiteral("FILE --format F --out DIR"),
        QT_TRANSLATE_NOOP("infralab::PlannedCommand",
                          "Write nginx, HAProxy, compose, Kubernetes or Kong configuration.")));
}

CommandLine::~CommandLine() = default;

int CommandLine::exec(int &argc, char **argv)
{
    // Before anything can open a socket: a client hanging up must never end the process.
    net::ignoreBrokenPipe();
    setApplicationMetadata();
    const QStringList arguments = argumentList(argc, argv);

    switch (chooseMode(arguments)) {
    case Mode::Command: {
        // Headless commands use Qt's own event dispatcher, about 20% cheaper per request than
        // the GLib one (DESIGN.md "Threading"). The window keeps GLib: platform themes and
        // input methods may rely on it. It must be set before the application exists.
        if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
            qputenv("QT_NO_GLIB", "1");
        QCoreApplication app(argc, argv);
        installTranslators(app);
        return runCommand(*findCommand(arguments.at(1)), arguments);
    }
    case Mode::Console: {
        QCoreApplication app(argc, argv);
        installTranslators(app);
        const WindowRequest request = parseWindowArguments(QCoreApplication::arguments());
        if (request.exitStatus >= 0)
            return request.exitStatus;
        return reportNoDisplay(request.fileName);
    }
    case Mode::Window: return runWindow(argc, argv);
    }
    return ExitFailure;
}

CommandLine::Mode CommandLine::chooseMode(const QStringList &arguments) const
{
    if (arguments.size() > 1 && findCommand(arguments.at(1)))
        return Mode::Command;
    if (std::any_of(arguments.cbegin() + 1, arguments.cend(), isHelpOrVersion))
        return Mode::Console;
    return hasDisplay(arguments) ? Mode::Window : Mode::Console;
}

Command *CommandLine::findCommand(const QString &name) const
{
    for (const auto &command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

int CommandLine::runCommand(Command &command, const QStringList &arguments)
{
    // The command's parser sees `infralab validate` as its program name and the rest as its
    // own arguments, so options after the command name belong to the command.
    QStringList commandArguments = arguments.mid(2);
    commandArguments.prepend(QStringLiteral("infralab ") + command.name());
    return command.run(commandArguments);
}

CommandLine::WindowRequest CommandLine::parseWindowArguments(const QStringList &arguments) const
{
    QCommandLineParser parser;
    setupParser(parser);
    const QString helpCommand = QStringLiteral("infralab --help");

    WindowRequest request;
    if (!parser.parse(arguments)) {
        request.exitStatus = console::usageError(parser.errorText(), usage(), helpCommand);
    } else if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        console::out(helpText(parser));
        request.exitStatus = ExitSuccess;
    } else if (parser.isSet(QStringLiteral("version"))) {
        console::out(QCoreApplication::applicationName() + QLatin1Char(' ')
                     + QCoreApplication::applicationVersion() + QLatin1Char('\n'));
        request.exitStatus = ExitSuccess;
    } else if (parser.positionalArguments().size() > 1) {
        const QString unexpected = parser.positionalArguments().at(1);
        const QString message
            = findCommand(unexpected)
                  ? tr("'%1' must come first: infralab %1 ...").arg(unexpected)
                  : tr("Only one FILE can be opened; unexpected '%1'.").arg(unexpected);
        request.exitStatus = console::usageError(message, usage(), helpCommand);
    } else if (!parser.positionalArguments().isEmpty()) {
        request.fileName = parser.positionalArguments().constFirst();
    }
    return request;
}

int CommandLine::runWindow(int &argc, char **argv)
{
    QApplication app(argc, argv);
    setupGuiApplication();
    installTranslators(app);
    // QApplication has taken its own options (-platform, -style, ...) out of arguments().
    const WindowRequest request = parseWindowArguments(QCoreApplication::arguments());
    if (request.exitStatus >= 0)
        return request.exitStatus;
    return runMainWindow(request.fileName);
}

int CommandLine::reportNoDisplay(const QString &fileName) const
{
    const QString file = fileName.isEmpty() ? QStringLiteral("FILE") : shellQuoted(fileName);
    const Command *run = findCommand(QStringLiteral("run"));
    const QString runNote = run && run->isAvailable() ? QString() : tr(" (in a later version)");
    console::error(tr("cannot open the window: there is no display "
                      "(DISPLAY and WAYLAND_DISPLAY are not set)."));
    console::err(tr("Without a display, InfraLab works from the command line:\n"
                    "  infralab validate %1\n"
                    "      check the topology file\n"
                    "  infralab run %1\n"
                    "      start the topology headless%2\n"
                    "  QT_QPA_PLATFORM=offscreen infralab %1\n"
                    "      run the window without showing it (for tests and scripts)\n"
                    "  xvfb-run infralab %1\n"
                    "      show the window on a virtual X server\n")
                     .arg(file, runNote));
    return ExitFailure;
}

void CommandLine::setupParser(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        tr("InfraLab, a desktop lab for web infrastructure: design a topology of web\n"
           "servers, proxies, balancers, databases and caches, then run it for real on\n"
           "127.0.0.1. Without a COMMAND, opens the window, on FILE if given."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 tr("Topology file (*.infralab.json) to open in the window."),
                                 QStringLiteral("[FILE]"));
}

QString CommandLine::helpText(const QCommandLineParser &parser) const
{
    // Qt's help starts with "Usage: <argv[0]> ..."; ours names the program and the commands.
    QString text = parser.helpText();
    text = usage() + text.mid(text.indexOf(QLatin1Char('\n')));

    text += QLatin1Char('\n') + tr("Commands:") + QLatin1Char('\n');
    for (const auto &command : m_commands) {
        text += QStringLiteral("  ") + command->name() + QLatin1Char(' ') + command->synopsis()
                + QStringLiteral("\n      ") + command->summary() + QLatin1Char('\n');
    }
    text += QLatin1Char('\n')
            + tr("Run 'infralab COMMAND --help' for the options of a command.\n"
                 "\n"
                 "Exit status:\n"
                 "  0  success\n"
                 "  1  failure: an invalid or unreadable file, no display for the window,\n"
                 "     or a command that is not available in this version yet\n"
                 "  2  usage error: unknown option, missing or extra argument\n");
    return text;
}

QString CommandLine::usage() const
{
    return tr("Usage: infralab [options] [FILE]\n"
              "       infralab COMMAND [ARGUMENTS...]");
}

} // namespace infralab
