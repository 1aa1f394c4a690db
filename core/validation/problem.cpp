#include "validation/problem.h"

#include <algorithm>

namespace infralab {

QString Problem::toString() const
{
    return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
}

Problem Problem::error(QString path, QString message)
{
    Problem p;
    p.path = std::move(path);
    p.message = std::move(message);
    return p;
}

Problem Problem::warning(QString path, QString message)
{
    Problem p = error(std::move(path), std::move(message));
    p.severity = Severity::Warning;
    return p;
}

bool hasErrors(const Problems &problems)
{
    return std::any_of(problems.cbegin(), problems.cend(),
                       [](const Problem &p) { return p.isError(); });
}

} // namespace infralab
