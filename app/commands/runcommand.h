#pragma once

#include "commands/command.h"

#include <QCoreApplication>
#include <QDateTime>

#include <variant>

namespace infralab::runtime {
class Lab;
}

namespace infralab {

// `infralab run FILE [--duration S] [--threads N] [--control PORT] [--report FILE]`: runs a
// topology headless (DESIGN.md, "Command line"). Starts the nodes callees first; prints
// `<id> <kind> <url>` per listening node in file order, `control <url>` for the control API
// when asked, then `ready`, each line flushed for scripts reading through a pipe;
// runs until SIGINT/SIGTERM or the duration, drains and exits 0. An invalid file prints the
// validator's lines like `validate`; a node that cannot start prints `<id>: <reason>`; both
// exit 1 with nothing left listening. Nodes of kinds this version does not implement are
// reported as skipped and the rest runs. 2 on usage errors. With --report the whole run is
// written as JSON when it ends (runtime::labReport).
class RunCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(infralab::RunCommand)

public:
    QString name() const override;
    QString synopsis() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;

private:
    struct Options
    {
        QString fileName;
        int durationMs = 0;   // 0 = until a signal
        int threads = 0;      // 0 = one per core
        int controlPort = -1; // -1 = no control API; 0 = a free port
        QString reportFile;
    };
    // Options, or the exit status when the call ends here (help, usage error).
    std::variant<Options, int> parse(const QStringList &arguments) const;
    int runTopology(const Options &options);
    static bool writeReport(const runtime::Lab &lab, const Options &options,
                            const QDateTime &started, const QDateTime &ended);
};

} // namespace infralab
