#pragma once

#include "model/topology.h"
#include "validation/problem.h"

#include <QByteArray>
#include <QString>

namespace infralab {

// Reads `*.infralab.json` (format version 1). Structural problems (not JSON, wrong types,
// missing fields, newer version) and the validator's findings come back together; the
// topology is usable when `problems` holds no error.
struct ReadResult
{
    Topology topology;
    Problems problems;

    bool ok() const { return !hasErrors(problems); }
};

class TopologyReader
{
public:
    static constexpr qint64 MaxFileSize = 16 * 1024 * 1024;

    // Parses and validates bytes. Relative paths stay as written (see resolvePath).
    static ReadResult parse(const QByteArray &bytes);
    // Reads a file: size limit, read errors and everything parse() reports.
    static ReadResult readFile(const QString &fileName);
};

} // namespace infralab
