#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace infralab::runtime {

// How one table cell reads: plain, or marking a good or a bad state (a backend up or down).
enum class CellTone : quint8 { Plain, Good, Bad };

struct DetailCell
{
    QString text;
    CellTone tone = CellTone::Plain;

    friend bool operator==(const DetailCell &, const DetailCell &) = default;
};

// One kind-specific table of a running node (a balancer's backends, later a cache's keyspace
// or a database's sessions): the kind fills it in, the GUI draws it without knowing the kind.
// Texts are translated by the kind.
struct DetailSection
{
    QString title;       // "Backends"
    QStringList columns; // header labels
    QList<QList<DetailCell>> rows;

    friend bool operator==(const DetailSection &, const DetailSection &) = default;
};

// What a running node shows in the Node detail dock beyond its traffic numbers
// (Component::detail()). Made in the runtime thread, read by the GUI from a LiveSnapshot.
struct NodeDetail
{
    // Rich-text lines that stand instead of the served-traffic numbers, for kinds whose load
    // reads otherwise (a generator: what it sends, not what it serves). Empty: the numbers.
    QStringList summary;
    QList<DetailSection> sections;
    bool keepsAccessLog = false; // Component::accessLog() has entries to show
    // For kinds whose load is what they send (a generator): the rate it sends at now and the
    // requests done, which the canvas's card shows instead of a served rate. Negative: none.
    double sendingRate = -1;
    double sent = 0;

    bool isEmpty() const
    {
        return summary.isEmpty() && sections.isEmpty() && !keepsAccessLog && sendingRate < 0;
    }
    friend bool operator==(const NodeDetail &, const NodeDetail &) = default;
};

} // namespace infralab::runtime
