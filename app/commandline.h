#pragma once

#include "commands/command.h"

#include <QCoreApplication>

#include <memory>
#include <vector>

class QCommandLineParser;

namespace infralab {

// What `infralab ARGS` means: a subcommand (`validate`, `run`, `export`) runs on a
// QCoreApplication and never touches a display; `--help` and `--version` likewise; anything
// else opens the window (QApplication), optionally on FILE. Without a display the window is
// not attempted: a clear message names the headless alternatives and the exit status is 1.
//
// Exit statuses: 0 success, 1 failure (see ExitStatus), 2 usage error.
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(infralab::CommandLine)

public:
    CommandLine();
    ~CommandLine();

    int exec(int &argc, char **argv);

private:
    enum class Mode { Command, Console, Window };
    struct WindowRequest
    {
        int exitStatus = -1; // >= 0: done (help, version, usage error), exit with it
        QString fileName;
    };

    Mode chooseMode(const QStringList &arguments) const;
    Command *findCommand(const QString &name) const;

    int runCommand(Command &command, const QStringList &arguments);
    WindowRequest parseWindowArguments(const QStringList &arguments) const;
    int runWindow(int &argc, char **argv);
    int reportNoDisplay(const QString &fileName) const;

    void setupParser(QCommandLineParser &parser) const;
    QString helpText(const QCommandLineParser &parser) const;
    QString usage() const;

    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace infralab
