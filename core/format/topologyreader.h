#pragma once

#include "model/topology.h"
#include "validation/problem.h"

#include <QByteArray>
#include <QString>

namespace infralab {

// Reads `*.infralab.json` (format version 1) into a Topology plus the structural problems
// that keep it from being one: not JSON, wrong types, missing fields, a newer version, and node
// ids or link ends the model cannot address (checkIdentity()). The topology is readable, and
// can be opened, when `problems` holds no error. What the validator finds beyond that (port
// conflicts, ranges, unknown kinds) is the user's work in progress: validateFile() adds it
// for `infralab validate` and `run`, the Problems dock for the window.
struct ReadResult
{
    Topology topology;
    Problems problems; // the reader's: errors make the file unreadable, warnings do not

    bool ok() const { return !hasErrors(problems); }
};

class TopologyReader
{
public:
    static constexpr qint64 MaxFileSize = 16 * 1024 * 1024;

    // Parses bytes. Relative paths stay as written (see resolvePath).
    static ReadResult parse(const QByteArray &bytes);
    // Reads a file: size limit, read errors and everything parse() reports.
    static ReadResult readFile(const QString &fileName);
};

// Every problem of a file, as `infralab validate` prints them: the reader's structural problems,
// then the validator's findings on what could be read, in file order (those a structural error
// already covers left out, so nothing is said twice). A file is valid when none is an error.
Problems validateFile(const ReadResult &read);
// The same with the validator's findings on read.topology already at hand (the window's
// document validated it on opening), so a file is not validated twice.
Problems validateFile(const ReadResult &read, const Problems &validation);

} // namespace infralab
