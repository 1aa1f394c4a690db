#pragma once

#include "commands/command.h"

#include <QCoreApplication>

namespace infralab {

struct Problem;

// `infralab validate FILE...`: reads and validates topology files without a GUI.
// Every finding goes to stderr as `FILE: json.path: message` (warnings as
// `FILE: json.path: warning: message`); exit 0 when no file has an error, 1 otherwise,
// 2 on usage errors. Nothing is written to stdout unless --help is asked for.
class ValidateCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(infralab::ValidateCommand)

public:
    QString name() const override;
    QString synopsis() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;

    // The stderr line for one problem in `fileName` (without the newline).
    static QString formatProblem(const QString &fileName, const Problem &problem);
};

} // namespace infralab
