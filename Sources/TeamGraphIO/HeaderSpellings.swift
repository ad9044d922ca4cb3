import TeamGraph

/// The header spellings recognised without any flag, compared after ``folded(_:)``: case, spaces,
/// underscores, hyphens, dots and full-width forms do not matter (`Sponsor ID`, `sponsor_id` and
/// `ＳＰＯＮＳＯＲＩＤ` are one spelling).
public enum HeaderSpellings {
    /// People-file headers for each known field.
    public static let people: [(field: Field, headers: [String])] = Field.allCases.map { ($0, headers(for: $0)) }

    /// Teams-file headers: `id`, `name` and `lead`.
    public static let teams: [(field: TeamField, headers: [String])] = TeamField.allCases.map {
        ($0, headers(for: $0))
    }

    /// The headers that name `field` in a people file, the canonical name first.
    public static func headers(for field: Field) -> [String] {
        switch field {
        case .id:
            [
                "id", "member id", "member no", "member number", "employee id", "user id", "编号", "工号", "会员编号",
                "会员号", "会员ID", "员工编号",
            ]
        case .name: ["name", "full name", "member name", "employee name", "姓名", "名字", "会员姓名", "员工姓名"]
        case .sponsor:
            [
                "sponsor", "sponsor id", "upline", "upline id", "parent", "parent id", "referrer", "referrer id",
                "referred by", "recommender", "enroller", "enroller id", "introducer", "推荐人", "推荐人编号",
                "推荐人ID", "上级推荐人", "上线", "上线编号", "介绍人",
            ]
        case .owner:
            [
                "owner", "owner id", "manager", "manager id", "line manager", "reports to", "supervisor",
                "supervisor id", "responsible", "coach", "责任人", "负责人", "直属上级", "辅导人", "主管",
            ]
        case .role: ["role", "title", "job title", "position", "rank", "职务", "职位", "级别", "岗位", "职级"]
        case .team: ["team", "team id", "team name", "group", "团队", "小组", "团队编号", "所属团队"]
        case .joined:
            [
                "joined", "join date", "joined on", "date joined", "start date", "hire date", "enrollment date",
                "signup date", "加入日期", "入职日期", "入职时间", "加入时间", "注册日期", "注册时间",
            ]
        case .status: ["status", "state", "member status", "employee status", "状态", "会员状态", "在职状态"]
        }
    }

    /// The headers that name `field` in a teams file, the canonical name first.
    public static func headers(for field: TeamField) -> [String] {
        switch field {
        case .id: ["id", "编号", "团队编号"]
        case .name: ["name", "名称", "团队名称", "团队"]
        case .lead: ["lead", "负责人", "队长", "组长", "领队"]
        }
    }

    /// The known field a header names, if any, after `--map` overrides.
    static func field<Known: FieldVocabulary>(
        for header: String, in table: [(field: Known, headers: [String])], mappings: [Known: String]
    ) -> Known? {
        let key = folded(header)
        if let mapped = Known.allCases.first(where: { mappings[$0].map(folded) == key }) {
            return mapped
        }
        for (field, headers) in table where headers.contains(where: { folded($0) == key }) {
            // A header explicitly mapped elsewhere no longer claims its default field.
            if mappings[field] != nil { continue }
            return field
        }
        return nil
    }

    /// A header as it is compared: full-width forms as ASCII, lower case, without spaces
    /// (ideographic ones too), underscores, hyphens or dots.
    public static func folded(_ header: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in header.unicodeScalars {
            let value = scalar.value
            let plain = (0xFF01...0xFF5E).contains(value) ? Unicode.Scalar(value - 0xFEE0)! : scalar
            if [" ", "\t", "_", "-", ".", "\u{3000}", "\u{FEFF}"].contains(plain) { continue }
            scalars.append(plain)
        }
        return String(scalars).lowercased()
    }

    /// The `--map` overrides that name a field of `Known` (the others belong to the other kind of file).
    static func typed<Known: FieldVocabulary>(_ mappings: [String: String], as _: Known.Type = Known.self)
        -> [Known: String]
    {
        var result: [Known: String] = [:]
        for (name, header) in mappings {
            if let field = Known(rawValue: name) { result[field] = header }
        }
        return result
    }
}
