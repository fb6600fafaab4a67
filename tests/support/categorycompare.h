#pragma once

// Tests compare verdicts with the names the report uses: EXPECT_EQ(v.category, u"dns_failure"_s).
// Only tests may compare an enum with its name; the product converts at the JSON boundary.
#include "core/diagnosis/category.h"

#include <ostream>

namespace llmdoctor::core {

inline bool operator==(Category category, const QString &name)
{
    return categoryName(category) == name;
}
inline bool operator==(Blame blame, const QString &name)
{
    return blameName(blame) == name;
}
inline void PrintTo(Category category, std::ostream *os)
{
    *os << categoryName(category).toStdString();
}
inline void PrintTo(Blame blame, std::ostream *os)
{
    *os << blameName(blame).toStdString();
}

} // namespace llmdoctor::core
