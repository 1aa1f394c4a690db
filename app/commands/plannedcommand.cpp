#include "commands/plannedcommand.h"

#include "commands/console.h"

namespace infralab {

PlannedCommand::PlannedCommand(QString name, QString synopsis, const char *summary)
    : m_name(std::move(name))
    , m_synopsis(std::move(synopsis))
    , m_summary(summary)
{}

QString PlannedCommand::summary() const
{
    return tr("%1 Not available yet.").arg(tr(m_summary));
}

int PlannedCommand::run(const QStringList &)
{
    console::error(tr("'%1' is not available in this version yet.").arg(m_name));
    console::err(tr("Use 'infralab validate FILE' to check a topology, or open it in the "
                    "window with 'infralab FILE'.")
                 + QLatin1Char('\n'));
    return ExitFailure;
}

} // namespace infralab
