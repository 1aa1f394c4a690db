#pragma once

#include <QString>
#include <QStringList>

namespace infralab {

// Exit statuses every command uses, so scripts can tell a bad file from a bad call.
enum ExitStatus : int {
    ExitSuccess = 0,
    ExitFailure = 1, // the command ran and failed: invalid file, no display, not available yet
    ExitUsage = 2,   // the command line itself is wrong: unknown option, missing FILE
};

// One `infralab <name> ...` subcommand. The dispatcher (CommandLine) lists the commands in
// --help and hands each its own arguments; a command parses them with its own
// QCommandLineParser and never needs a QGuiApplication.
class Command
{
public:
    virtual ~Command() = default;

    virtual QString name() const = 0;
    // `FILE...`, `FILE [--duration S]`: shown after the name in the global help.
    virtual QString synopsis() const = 0;
    // One line for the global help.
    virtual QString summary() const = 0;
    // False for commands of the contract that this version does not have yet.
    virtual bool isAvailable() const { return true; }
    // `arguments` starts with the program name and the command name joined
    // (`infralab validate`), followed by everything after the command name.
    virtual int run(const QStringList &arguments) = 0;
};

} // namespace infralab
