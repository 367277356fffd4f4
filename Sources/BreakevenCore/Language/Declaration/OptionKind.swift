/// The kinds of option the language has. Each is declared in one file of `Language/Kinds`: its
/// keys, how they resolve against the catalog, and what the engine runs; this enum only lists
/// them, so that no kind's name is spelled anywhere else.
public enum OptionKind: String, CaseIterable, Sendable, Hashable {
    case api
    case selfHosted = "self_hosted"
    case ownedHardware = "owned_hardware"
    case subscription
    case provisioned
    case switchover = "switch"
    case mix

    var declaration: any OptionDeclaration.Type {
        switch self {
        case .api: APIOption.self
        case .selfHosted: SelfHostedOption.self
        case .ownedHardware: OwnedHardwareOption.self
        case .subscription: SubscriptionOption.self
        case .provisioned: ProvisionedOption.self
        case .switchover: SwitchOption.self
        case .mix: MixOption.self
        }
    }

    /// Composites route traffic to other options; the rest serve it themselves.
    var isComposite: Bool { declaration.isComposite }

    /// Provisions capacity of its own, so it has a utilization (a guardrail metric).
    var provisionsCapacity: Bool { declaration.provisionsCapacity }

    /// Rents GPUs by the hour, so it has GPUs paid at the peak (a guardrail metric).
    var rentsGPUs: Bool { declaration.rentsGPUs }

    /// "an api option", "a self_hosted option".
    var withArticle: String {
        ("aeiou".contains(rawValue.first ?? "x") ? "an " : "a ") + rawValue
    }
}
