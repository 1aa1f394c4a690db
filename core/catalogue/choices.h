#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <cstddef>
#include <optional>

namespace infralab {

// One value of an enumerated setting: its file-format name and the typed value a kind parses
// it to. A kind declares its table once, next to the enum, as
//
//     inline constexpr std::array algorithmChoices{Choice{"round-robin", Algorithm::RoundRobin},
//                                                  Choice{"first", Algorithm::First}};
//
// and both the catalogue entry (schema::enumKey, so the inspector's combo box, the validator and
// the docs) and the typed parse (Settings::choice) read that table.
template<typename E>
struct Choice
{
    const char *name;
    E value;
};

template<typename E, std::size_t N>
using Choices = std::array<Choice<E>, N>;

template<typename E, std::size_t N>
QStringList choiceNames(const Choices<E, N> &choices)
{
    QStringList names;
    names.reserve(qsizetype(N));
    for (const Choice<E> &c : choices)
        names.append(QString::fromUtf8(c.name));
    return names;
}

template<typename E, std::size_t N>
std::optional<E> choiceFromName(const Choices<E, N> &choices, QStringView name)
{
    for (const Choice<E> &c : choices) {
        if (name == QLatin1String(c.name))
            return c.value;
    }
    return std::nullopt;
}

// The name of `value`; empty when the table does not hold it.
template<typename E, std::size_t N>
QString choiceName(const Choices<E, N> &choices, E value)
{
    for (const Choice<E> &c : choices) {
        if (c.value == value)
            return QString::fromUtf8(c.name);
    }
    return {};
}

} // namespace infralab
