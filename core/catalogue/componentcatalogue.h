#pragma once

#include "catalogue/kindinfo.h"

#include <QJsonObject>

namespace infralab {

// The catalogue of component kinds. Immutable after construction; instance() is shared
// read-only data (not per-server state), safe to read from any thread.
class ComponentCatalogue
{
public:
    static const ComponentCatalogue &instance();

    const QList<KindInfo> &kinds() const { return m_kinds; }
    QStringList kindNames() const;
    const KindInfo *find(QStringView kind) const;

    // `config` completed with the defaults of every key it does not set.
    QJsonObject effectiveConfig(const KindInfo &info, const QJsonObject &config) const;
    QJsonObject effectiveLinkConfig(const KindInfo &callerInfo, const QJsonObject &config) const;

    // The closest known kind to a misspelt one ("webserver" → "web-server"), or empty.
    QString closestKind(QStringView misspelt) const;

private:
    ComponentCatalogue();
    QList<KindInfo> m_kinds;
};

} // namespace infralab
