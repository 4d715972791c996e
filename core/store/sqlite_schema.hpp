#pragma once

#include "core/store/sqlite_db.hpp"

namespace caiji::store {

// The box's schema version (PRAGMA user_version). Each migration takes the file one version up
// in its own transaction, so a box from any earlier Caiji opens and upgrades.
inline constexpr int kBoxSchemaVersion = 3;

Result<int> schema_version(Db& db);
Status migrate(Db& db);

}  // namespace caiji::store
