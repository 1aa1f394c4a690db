// libFuzzer target for the topology file (core/format, core/validation): arbitrary bytes are
// written to a file and read with TopologyReader::readFile (size check, JSON, structure, the
// validator), and whatever it reads is validated again on its own (the same problems twice,
// never a crash). When the file reads without errors, the canonical writer's output must read
// back to an equal topology with no errors, and writing that again gives the same bytes.
#include "format/topologyreader.h"
#include "format/topologywriter.h"
#include "fuzzcheck.h"
#include "validation/validator.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdint>

using namespace infralab;
using infralab::fuzz::check;

namespace {

const QString &fileName()
{
    static QTemporaryDir dir;
    static const QString name = dir.filePath(QStringLiteral("fuzz.infralab.json"));
    check(dir.isValid(), "setup: temporary folder");
    return name;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    {
        QFile file(fileName());
        check(file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                  && file.write(bytes) == bytes.size(),
              "setup: write the input");
    }
    const ReadResult read = TopologyReader::readFile(fileName());
    check(read.problems == TopologyReader::parse(bytes).problems,
          "file and bytes read differently");
    for (const Problem &p : read.problems)
        check(!p.message.isEmpty(), "a problem without a message");

    const Problems first = validateTopology(read.topology);
    check(first == validateTopology(read.topology), "validation is not deterministic");
    if (!read.ok())
        return 0;
    check(!hasErrors(first), "read without errors, but the validator finds some");

    const QByteArray written = TopologyWriter::serialize(read.topology);
    const ReadResult again = TopologyReader::parse(written);
    check(again.ok(), "the written file does not read back");
    check(again.topology == read.topology, "round trip changed the topology");
    check(TopologyWriter::serialize(again.topology) == written, "writing is not canonical");
    return 0;
}
