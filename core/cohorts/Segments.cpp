#include "Segments.h"

#include <optional>

#include "store/Database.h"

namespace ss {
namespace {

Result<std::optional<std::int64_t>> findSegment(Database& db, const std::string& name) {
    auto stmt = db.prepare("SELECT id FROM segments WHERE name = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, name);
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(stmt->columnInt(0));
}

Error noSuchSegment(const std::string& name) { return makeError(ErrorCode::InputData, "no segment named '" + name + "'", "segment"); }

}  // namespace

Result<std::vector<SegmentInfo>> Segments::list(Database& db) {
    auto stmt = db.prepare(
        "SELECT s.id, s.name, coalesce(s.description, ''), s.created, (SELECT count(*) FROM segment_members m WHERE m.segment_id = s.id)"
        " FROM segments s ORDER BY s.name");
    if (!stmt) return stmt.error();
    std::vector<SegmentInfo> out;
    for (;;) {
        auto more = stmt->step();
        if (!more) return more.error();
        if (!*more) break;
        out.push_back({stmt->columnInt(0), stmt->columnText(1), stmt->columnText(2), stmt->columnInt(3), stmt->columnInt(4)});
    }
    return out;
}

Result<SegmentInfo> Segments::save(Database& db, const std::string& name, const std::string& description,
                                   std::span<const std::int64_t> userIds, bool replace, std::int64_t now) {
    if (name.empty() || name.size() > 200) return makeError(ErrorCode::Usage, "a segment needs a name of 1 to 200 characters", "segment");
    if (userIds.empty()) return makeError(ErrorCode::InputData, "the segment would have no customers", name);
    Transaction tx(db);
    if (!tx.begun()) return tx.begun().error();
    auto existing = findSegment(db, name);
    if (!existing) return existing.error();
    if (*existing) {
        if (!replace) return makeError(ErrorCode::InputData, "a segment named '" + name + "' exists already (replace it explicitly)", "segment");
        auto del = db.prepare("DELETE FROM segments WHERE id = ?1");
        if (!del) return del.error();
        del->bind(1, **existing);
        SS_TRY(del->run());
        auto members = db.prepare("DELETE FROM segment_members WHERE segment_id = ?1");
        if (!members) return members.error();
        members->bind(1, **existing);
        SS_TRY(members->run());
    }
    auto insert = db.prepare("INSERT INTO segments(name, description, created) VALUES(?1, ?2, ?3)");
    if (!insert) return insert.error();
    insert->bind(1, name).bind(2, description).bind(3, now);
    SS_TRY(insert->run());
    SegmentInfo info{db.lastInsertRowId(), name, description, now, 0};
    auto member = db.prepare("INSERT OR IGNORE INTO segment_members(segment_id, user_id) SELECT ?1, id FROM users WHERE id = ?2");
    if (!member) return member.error();
    for (auto user : userIds) {
        member->reset();
        member->bind(1, info.id).bind(2, user);
        SS_TRY(member->run());
        info.customers += db.changes();
    }
    if (info.customers == 0) return makeError(ErrorCode::InputData, "none of the customers is in this project", name);
    SS_TRY(tx.commit());
    return info;
}

Status Segments::remove(Database& db, const std::string& name) {
    Transaction tx(db);
    if (!tx.begun()) return tx.begun();
    auto existing = findSegment(db, name);
    if (!existing) return existing.error();
    if (!*existing) return noSuchSegment(name);
    for (const char* sql : {"DELETE FROM segment_members WHERE segment_id = ?1", "DELETE FROM segments WHERE id = ?1"}) {
        auto stmt = db.prepare(sql);
        if (!stmt) return stmt.error();
        stmt->bind(1, **existing);
        SS_TRY(stmt->run());
    }
    return tx.commit();
}

Result<std::vector<SegmentMember>> Segments::members(Database& db, const std::string& name) {
    auto existing = findSegment(db, name);
    if (!existing) return existing.error();
    if (!*existing) return noSuchSegment(name);
    auto stmt = db.prepare("SELECT u.id, u.external_id FROM segment_members m JOIN users u ON u.id = m.user_id WHERE m.segment_id = ?1 ORDER BY u.id");
    if (!stmt) return stmt.error();
    stmt->bind(1, **existing);
    std::vector<SegmentMember> out;
    for (;;) {
        auto more = stmt->step();
        if (!more) return more.error();
        if (!*more) break;
        out.push_back({stmt->columnInt(0), stmt->columnText(1)});
    }
    return out;
}

Result<std::vector<std::int64_t>> Segments::withProperty(Database& db, const std::string& name, const std::string& value) {
    auto stmt = db.prepare("SELECT user_id FROM user_properties WHERE name = ?1 AND value = ?2 ORDER BY user_id");
    if (!stmt) return stmt.error();
    stmt->bind(1, name).bind(2, value);
    std::vector<std::int64_t> out;
    for (;;) {
        auto more = stmt->step();
        if (!more) return more.error();
        if (!*more) break;
        out.push_back(stmt->columnInt(0));
    }
    return out;
}

Result<std::vector<std::string>> Segments::externalIds(Database& db, std::span<const std::int64_t> userIds) {
    auto stmt = db.prepare("SELECT external_id FROM users WHERE id = ?1");
    if (!stmt) return stmt.error();
    std::vector<std::string> out;
    out.reserve(userIds.size());
    for (auto id : userIds) {
        stmt->reset();
        stmt->bind(1, id);
        auto row = stmt->step();
        if (!row) return row.error();
        out.push_back(*row ? stmt->columnText(0) : std::to_string(id));
    }
    return out;
}

Result<std::vector<std::int64_t>> Segments::resolve(Database& db, const std::vector<std::string>& externalIds) {
    auto stmt = db.prepare("SELECT id FROM users WHERE external_id = ?1");
    if (!stmt) return stmt.error();
    std::vector<std::int64_t> out;
    std::vector<std::string> unknown;
    for (const auto& id : externalIds) {
        stmt->reset();
        stmt->bind(1, id);
        auto row = stmt->step();
        if (!row) return row.error();
        if (*row) out.push_back(stmt->columnInt(0));
        else unknown.push_back(id);
    }
    if (!unknown.empty()) {
        std::string named;
        for (std::size_t i = 0; i < unknown.size() && i < 5; ++i) named += (i ? ", " : "") + unknown[i];
        return makeError(ErrorCode::InputData, std::to_string(unknown.size()) + " customer id(s) not in the project: " + named, "customers");
    }
    return out;
}

}  // namespace ss
