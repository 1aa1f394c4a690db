#pragma once

namespace infralab {

// The live lab's settings (QSettings "live/…"): the control API (off by default, port 0 =
// a free one), the network thread count (0 = one per core) and how often the charts redraw.
struct LivePreferences
{
    bool controlApi = false;
    int controlPort = 0;
    int networkThreads = 0;
    int chartRefreshHz = 4;

    static LivePreferences load();
    void save() const;
    int chartRefreshMs() const { return 1000 / (chartRefreshHz > 0 ? chartRefreshHz : 4); }
    friend bool operator==(const LivePreferences &, const LivePreferences &) = default;
};

} // namespace infralab
