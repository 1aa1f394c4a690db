#include "commands/validatecommand.h"

#include "commands/console.h"
#include "format/topologyreader.h"
#include "validation/problem.h"

#include <QCommandLineParser>

namespace infralab {

QString ValidateCommand::name() const
{
    return QStringLiteral("validate");
}

QString ValidateCommand::synopsis() const
{
    return QStringLiteral("FILE...");
}

QString ValidateCommand::summary() const
{
    return tr("Check topology files; print one line per problem.");
}

int ValidateCommand::run(const QStringList &arguments)
{
    const QString usage = tr("Usage: infralab validate FILE...");
    const QString helpCommand = QStringLiteral("infralab validate --help");

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Reads and validates topology files (*.infralab.json) without opening a window.\n"
           "Each problem is printed to stderr as 'FILE: json.path: message'; warnings as\n"
           "'FILE: json.path: warning: message'. Nothing is printed when all files are valid.\n"
           "\n"
           "Exit status: 0 when every file is valid (warnings allowed), 1 when any file has\n"
           "an error or cannot be read, 2 on usage errors."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("Topology files to check."),
                                 QStringLiteral("FILE..."));

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
        return console::usageError(tr("validate: no FILE given."), usage, helpCommand);

    bool allValid = true;
    for (const QString &fileName : files) {
        const Problems problems = validateFile(TopologyReader::readFile(fileName));
        for (const Problem &problem : problems)
            console::err(formatProblem(fileName, problem) + QLatin1Char('\n'));
        allValid = allValid && !hasErrors(problems);
    }
    return allValid ? ExitSuccess : ExitFailure;
}

QString ValidateCommand::formatProblem(const QString &fileName, const Problem &problem)
{
    // The location and message stay exactly as the validator wrote them (untranslated
    // keywords), so editors and scripts can parse them like compiler output.
    QString line = fileName + QStringLiteral(": ");
    if (problem.isError())
        return line + problem.toString();
    if (!problem.path.isEmpty())
        line += problem.path + QStringLiteral(": ");
    return line + QStringLiteral("warning: ") + problem.message;
}

} // namespace infralab
