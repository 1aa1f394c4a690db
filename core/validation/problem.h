#pragma once

#include <QList>
#include <QString>

namespace infralab {

// One finding about a topology or a topology file: where (a JSON path such as
// `nodes[2].config.port`, empty for whole-file problems) and what, in plain words.
struct Problem
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString path;
    QString message;
    QString nodeId;     // the node the problem is about, if any (Problems dock selects it)
    int linkIndex = -1; // the link the problem is about, if any

    bool isError() const { return severity == Severity::Error; }
    // `path: message`, or just `message` when there is no path.
    QString toString() const;

    static Problem error(QString path, QString message);
    static Problem warning(QString path, QString message);

    friend bool operator==(const Problem &, const Problem &) = default;
};

using Problems = QList<Problem>;

bool hasErrors(const Problems &problems);

} // namespace infralab
