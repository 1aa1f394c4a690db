#include "validation/validator.h"

#include "catalogue/componentcatalogue.h"
#include "validation/configcheck.h"
#include "validation/problemtext.h"

#include <QHash>

#include <cmath>

namespace infralab {

using namespace problemtext;

namespace {

// The listening port, fixed for every listening kind by the file format contract (DESIGN.md).
const QString &portKey()
{
    static const QString key = QStringLiteral("port");
    return key;
}

const QString &nodesPath()
{
    static const QString path = QStringLiteral("nodes");
    return path;
}

const QString &linksPath()
{
    static const QString path = QStringLiteral("links");
    return path;
}

// Tags every problem appended since `first` with the node or link it is about, so the
// Problems dock can select it.
void tag(Problems &problems, qsizetype first, const QString &nodeId, int linkIndex = -1)
{
    for (qsizetype i = first; i < problems.size(); ++i) {
        problems[i].nodeId = nodeId;
        problems[i].linkIndex = linkIndex;
    }
}

void checkExtra(const QJsonObject &extra, const QString &path, Problems &problems)
{
    for (auto it = extra.begin(); it != extra.end(); ++it)
        problems.append(Problem::warning(keyPath(path, it.key()), unknownKey(it.key())));
}

class TopologyValidator
{
public:
    enum class Scope { Everything, Identity };

    TopologyValidator(const Topology &topology, Scope scope)
        : m_topology(topology)
        , m_identityOnly(scope == Scope::Identity)
    {}

    Problems run()
    {
        for (qsizetype i = 0; i < m_topology.nodes.size(); ++i) {
            const qsizetype first = m_problems.size();
            checkNode(i);
            tag(m_problems, first, m_topology.nodes.at(i).id);
        }
        for (qsizetype i = 0; i < m_topology.links.size(); ++i) {
            const qsizetype first = m_problems.size();
            checkLink(i);
            tag(m_problems, first, m_topology.links.at(i).from, int(i));
        }
        if (!m_identityOnly)
            checkExtra(m_topology.extra, QString(), m_problems);
        return m_problems;
    }

private:
    void error(const QString &path, const QString &message)
    {
        m_problems.append(Problem::error(path, message));
    }

    void checkNode(qsizetype index)
    {
        const Node &node = m_topology.nodes.at(index);
        const QString path = indexPath(nodesPath(), index);
        checkId(node.id, keyPath(path, u"id"), path);
        if (m_identityOnly)
            return;

        const QString kindPath = keyPath(path, u"kind");
        const KindInfo *info = ComponentCatalogue::instance().find(node.kind);
        if (node.kind.isEmpty()) {
            error(kindPath, QStringLiteral("missing (every node needs a kind such as web-server)"));
        } else if (!info) {
            QString message = QStringLiteral("unknown kind ") + quoted(node.kind);
            const QString suggestion = ComponentCatalogue::instance().closestKind(node.kind);
            if (!suggestion.isEmpty())
                message += QStringLiteral(" (did you mean ") + quoted(suggestion)
                           + QStringLiteral("?)");
            error(kindPath, message);
        }

        if (node.position
            && (!std::isfinite(node.position->x()) || !std::isfinite(node.position->y()))) {
            error(keyPath(path, u"position"), QStringLiteral("x and y must be finite numbers"));
        }

        // Without a known kind there is no schema: the config is kept as it is, unchecked.
        const QString configPath = keyPath(path, u"config");
        if (info) {
            checkConfig(info->config, node.config, configPath, m_problems);
            checkPort(*info, node, index, configPath);
        }
        checkExtra(node.extra, path, m_problems);
    }

    void checkId(const QString &id, const QString &idPath, const QString &nodePath)
    {
        if (id.isEmpty()) {
            error(idPath, QStringLiteral("missing (every node needs an id such as web-1)"));
            return;
        }
        if (!m_identityOnly && !isValidNodeId(id)) {
            error(idPath, quoted(id)
                              + QStringLiteral(" is not a valid id (use a-z, 0-9 and -, starting "
                                               "with a letter, at most 63 characters)"));
        }
        const auto first = m_firstNodeWithId.constFind(id);
        if (first != m_firstNodeWithId.constEnd()) {
            error(idPath, QStringLiteral("duplicate id ") + quoted(id)
                              + QStringLiteral(" (first used by ") + first.value()
                              + QLatin1Char(')'));
        } else {
            m_firstNodeWithId.insert(id, nodePath);
        }
    }

    // Fixed ports (non-zero) must be unique across listening nodes; 0 picks a free port.
    void checkPort(const KindInfo &info, const Node &node, qsizetype index,
                   const QString &configPath)
    {
        const ConfigKey *key = info.findKey(portKey());
        if (!info.listens() || !key)
            return;
        const QJsonValue value
            = node.config.contains(portKey()) ? node.config.value(portKey()) : key->defaultValue;
        const double port = value.toDouble();
        if (!value.isDouble() || port <= 0 || port > 65535 || std::trunc(port) != port)
            return; // checkConfig reports bad values; 0 is not fixed
        const auto first = m_firstNodeWithPort.constFind(int(port));
        if (first != m_firstNodeWithPort.constEnd()) {
            error(keyPath(configPath, portKey()), QStringLiteral("port ")
                                                      + QString::number(int(port))
                                                      + QStringLiteral(" is already used by ")
                                                      + indexPath(nodesPath(), first.value()));
        } else {
            m_firstNodeWithPort.insert(int(port), index);
        }
    }

    const Node *checkEnd(const Link &link, const QString &path, bool caller)
    {
        const QString &id = caller ? link.from : link.to;
        const QString endPath = keyPath(path, caller ? u"from" : u"to");
        if (id.isEmpty()) {
            error(endPath, caller ? QStringLiteral("missing (the id of the calling node)")
                                  : QStringLiteral("missing (the id of the called node)"));
            return nullptr;
        }
        const Node *node = m_topology.findNode(id);
        if (!node)
            error(endPath, QStringLiteral("no node ") + quoted(id));
        return node;
    }

    void checkLink(qsizetype index)
    {
        const Link &link = m_topology.links.at(index);
        const QString path = indexPath(linksPath(), index);
        const Node *caller = checkEnd(link, path, true);
        const Node *callee = checkEnd(link, path, false);

        const bool selfLink = caller && caller == callee;
        if (selfLink) {
            error(path, QStringLiteral("a node cannot link to itself (") + quoted(link.from)
                            + QLatin1Char(')'));
        }
        if (caller && callee) {
            const int first = m_topology.indexOfLink(link.from, link.to);
            if (first >= 0 && first < index) {
                error(path, QStringLiteral("duplicate link from ") + quoted(link.from)
                                + QStringLiteral(" to ") + quoted(link.to)
                                + QStringLiteral(" (first used by ") + indexPath(linksPath(), first)
                                + QLatin1Char(')'));
            }
        }
        if (m_identityOnly)
            return;

        const ComponentCatalogue &catalogue = ComponentCatalogue::instance();
        const KindInfo *callerInfo = caller ? catalogue.find(caller->kind) : nullptr;
        const KindInfo *calleeInfo = callee ? catalogue.find(callee->kind) : nullptr;
        if (callerInfo && calleeInfo && !selfLink && !callerInfo->mayCall(calleeInfo->kind)) {
            QString message = withArticle(callerInfo->kind) + QStringLiteral(" cannot call ")
                              + withArticle(calleeInfo->kind);
            if (callerInfo->callees.isEmpty())
                message += QStringLiteral(" (") + withArticle(callerInfo->kind)
                           + QStringLiteral(" calls nothing)");
            else
                message += QStringLiteral(" (it may call ") + list(callerInfo->callees)
                           + QLatin1Char(')');
            error(path, message);
        }

        // Link settings belong to the caller (a balancer's backend weight, …).
        if (callerInfo)
            checkConfig(callerInfo->linkConfig, link.config, keyPath(path, u"config"), m_problems);
        checkExtra(link.extra, path, m_problems);
    }

    const Topology &m_topology;
    const bool m_identityOnly;
    Problems m_problems;
    QHash<QString, QString> m_firstNodeWithId; // id → path of the node that has it first
    QHash<int, qsizetype> m_firstNodeWithPort; // fixed port → index of its first node
};

} // namespace

Problems validateTopology(const Topology &topology)
{
    return TopologyValidator(topology, TopologyValidator::Scope::Everything).run();
}

Problems checkIdentity(const Topology &topology)
{
    return TopologyValidator(topology, TopologyValidator::Scope::Identity).run();
}

} // namespace infralab
