#include "format/topologywriter.h"

#include "catalogue/componentcatalogue.h"
#include "format/canonicaljsonwriter.h"

#include <QSaveFile>

namespace infralab {

namespace {

// Keys the format itself defines at each level; an `extra` key with one of these names would
// write a second member of the same name, so it is left out.
const QStringList &topLevelKeys()
{
    static const QStringList keys = {
        QStringLiteral("format"),      QStringLiteral("version"), QStringLiteral("name"),
        QStringLiteral("description"), QStringLiteral("nodes"),   QStringLiteral("links"),
    };
    return keys;
}

const QStringList &nodeKeys()
{
    static const QStringList keys = {
        QStringLiteral("id"),          QStringLiteral("kind"),     QStringLiteral("name"),
        QStringLiteral("description"), QStringLiteral("position"), QStringLiteral("config"),
    };
    return keys;
}

const QStringList &linkKeys()
{
    static const QStringList keys
        = {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("config")};
    return keys;
}

// The members of a traffic-generator request (ValueType::RequestList), in canonical order.
const QStringList &requestKeys()
{
    static const QStringList keys = {QStringLiteral("method"), QStringLiteral("path"),
                                     QStringLiteral("weight"), QStringLiteral("body")};
    return keys;
}

void writeExtra(CanonicalJsonWriter &w, const QJsonObject &extra, const QStringList &reserved)
{
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!reserved.contains(it.key())) {
            w.key(it.key());
            w.value(it.value());
        }
    }
}

// Schema keys in catalogue order, then unknown keys sorted.
void writeConfig(CanonicalJsonWriter &w, const QJsonObject &config, const QList<ConfigKey> &schema)
{
    w.beginObject();
    QStringList written;
    for (const ConfigKey &key : schema) {
        const auto it = config.constFind(key.key);
        if (it == config.constEnd())
            continue;
        w.key(key.key);
        w.value(it.value(), key.type == ValueType::RequestList ? requestKeys() : QStringList());
        written.append(key.key);
    }
    for (auto it = config.begin(); it != config.end(); ++it) {
        if (!written.contains(it.key())) {
            w.key(it.key());
            w.value(it.value());
        }
    }
    w.endObject();
}

void writeNode(CanonicalJsonWriter &w, const Node &node)
{
    w.beginObject();
    w.key(u"id");
    w.string(node.id);
    w.key(u"kind");
    w.string(node.kind);
    if (!node.name.isEmpty()) {
        w.key(u"name");
        w.string(node.name);
    }
    if (!node.description.isEmpty()) {
        w.key(u"description");
        w.string(node.description);
    }
    if (node.position) {
        w.key(u"position");
        w.beginObject();
        w.key(u"x");
        w.value(node.position->x());
        w.key(u"y");
        w.value(node.position->y());
        w.endObject();
    }
    if (!node.config.isEmpty()) {
        const KindInfo *info = ComponentCatalogue::instance().find(node.kind);
        w.key(u"config");
        writeConfig(w, node.config, info ? info->config : QList<ConfigKey>());
    }
    writeExtra(w, node.extra, nodeKeys());
    w.endObject();
}

void writeLink(CanonicalJsonWriter &w, const Link &link, const Topology &topology)
{
    w.beginObject();
    w.key(u"from");
    w.string(link.from);
    w.key(u"to");
    w.string(link.to);
    if (!link.config.isEmpty()) {
        // Link settings belong to the caller's kind (DESIGN.md: linkConfig).
        const Node *caller = topology.findNode(link.from);
        const KindInfo *info = caller ? ComponentCatalogue::instance().find(caller->kind) : nullptr;
        w.key(u"config");
        writeConfig(w, link.config, info ? info->linkConfig : QList<ConfigKey>());
    }
    writeExtra(w, link.extra, linkKeys());
    w.endObject();
}

} // namespace

QByteArray TopologyWriter::serialize(const Topology &topology)
{
    CanonicalJsonWriter w;
    w.beginObject();
    w.key(u"format");
    w.string(QString::fromLatin1(Topology::FormatName));
    w.key(u"version");
    w.integer(Topology::FormatVersion);
    if (!topology.name.isEmpty()) {
        w.key(u"name");
        w.string(topology.name);
    }
    if (!topology.description.isEmpty()) {
        w.key(u"description");
        w.string(topology.description);
    }
    w.key(u"nodes");
    w.beginArray();
    for (const Node &node : topology.nodes)
        writeNode(w, node);
    w.endArray();
    w.key(u"links");
    w.beginArray();
    for (const Link &link : topology.links)
        writeLink(w, link, topology);
    w.endArray();
    writeExtra(w, topology.extra, topLevelKeys());
    w.endObject();
    return w.finish();
}

bool TopologyWriter::writeFile(const Topology &topology, const QString &fileName, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QByteArray bytes = serialize(topology);
    // QSaveFile writes a temporary file next to the target and renames it over the target on
    // commit(), so a failure at any step leaves the old file as it was. The direct-write
    // fallback stays off: it would give up exactly that guarantee.
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot save ") + fileName + QStringLiteral(": ")
                    + file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(QStringLiteral("cannot save ") + fileName + QStringLiteral(": ") + reason);
    }
    if (!file.commit())
        return fail(QStringLiteral("cannot save ") + fileName + QStringLiteral(": ")
                    + file.errorString());
    return true;
}

} // namespace infralab
