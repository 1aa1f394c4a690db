#pragma once

#include "commands/command.h"

#include <QCoreApplication>

namespace infralab {

// A subcommand that belongs to the command-line contract (DESIGN.md "Command line") but is not
// in this version yet (today `export`). It is listed in --help as "(not available yet)" and,
// when called, says so on stderr and exits 1 (ExitFailure): the call is well-formed, this
// build just cannot do it. Replace it by the real command.
class PlannedCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(infralab::PlannedCommand)

public:
    // `summary` is a source text marked with QT_TRANSLATE_NOOP("infralab::PlannedCommand", ...);
    // it is translated when shown, after the translators are installed.
    PlannedCommand(QString name, QString synopsis, const char *summary);

    QString name() const override { return m_name; }
    QString synopsis() const override { return m_synopsis; }
    QString summary() const override;
    bool isAvailable() const override { return false; }
    int run(const QStringList &arguments) override;

private:
    QString m_name;
    QString m_synopsis;
    const char *m_summary;
};

} // namespace infralab
