#include "commands/console.h"

#include "commands/command.h"

#include <QCoreApplication>

#include <cstdio>

namespace infralab::console {

namespace {

void write(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

void out(const QString &text)
{
    write(stdout, text);
}

void err(const QString &text)
{
    write(stderr, text);
}

void error(const QString &message)
{
    err(QStringLiteral("infralab: ") + message + QLatin1Char('\n'));
}

int usageError(const QString &message, const QString &usage, const QString &helpCommand)
{
    error(message);
    err(usage + QLatin1Char('\n'));
    err(QCoreApplication::translate("infralab::CommandLine", "Try '%1' for more information.")
            .arg(helpCommand)
        + QLatin1Char('\n'));
    return ExitUsage;
}

} // namespace infralab::console
