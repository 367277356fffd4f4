import BreakevenCore

/// The `fit` object beside the workload: where each figure came from and how sure it is.
enum FitDiagnostics {
    static func render(_ f: FittedFigures, history: UsageHistory, options: FitOptions, projected: CalendarMonth,
                       notes: [String]) -> JSONNode {
        func figure(_ x: Figure?, _ digits: Int) -> JSONNode {
            guard let x else { return .null }
            return .object([("value", .number(Round.decimals(x.value, digits))), ("standard_error", optional(x.error.map { Round.significant($0, 3) }))])
        }
        var out: [(String, JSONNode)] = [
            ("fit_version", .number(1)),
            ("models", .array(history.models.map { .string($0) })),
            ("complete_months", .array(f.months.map { .string($0.month.description) })),
            ("left_out_months", .array(leftOut(history, options, kept: Set(f.months.map(\.month))).map { .string($0.description) })),
            ("first_projected_month", .string(projected.description)),
            ("sources", .array(f.months.map { m in
                .object([("month", .string(m.month.description)), ("formats", .array(m.formats.sorted().map { .string($0.rawValue) })),
                         ("files", .array(m.files.sorted().map { .string($0) })), ("requests_derived_from_tokens", .bool(m.derived))])
            })),
            ("tokens_per_request_for_uncounted_exports", optional(f.tokensPerRequest.map { Round.decimals($0, 1) })),
        ]
        out.append(("volume", .object([
            ("measure", .string("requests per day, at the first projected month")),
            ("requests_per_day", .number(Round.significant(f.growth.chosen.level, 5))),
            ("standard_error", optional(f.growth.chosen.levelError.map { Round.significant($0, 3) })),
        ])))
        out.append(("growth", .object([
            ("chosen", .string(f.growth.chosen.model.rawValue)),
            ("criterion", .string(GrowthFit.criterion)),
            ("residual_error", optional(f.growth.chosen.residualError.map { Round.significant($0, 3) })),
            ("residual_error_is", .string("the standard deviation of the monthly series around the chosen curve, on log requests per day (0.05 is about 5%)")),
            ("candidates", .array(f.growth.candidates.map { c in
                .object([("model", .string(c.model.rawValue)), ("aicc", optional(c.aicc.map { Round.decimals($0, 3) })),
                         ("requests_per_day", .number(Round.significant(c.level, 6))),
                         ("parameters", .object(c.parameters.map { p in
                             (p.name, .object([("value", .number(Round.significant(p.value, 6))),
                                               ("standard_error", optional(p.error.map { Round.significant($0, 3) }))]))
                         })),
                         ("residual_error", optional(c.residualError.map { Round.significant($0, 3) }))])
            })),
        ])))
        out.append(("request_size", .object([
            ("input_tokens_per_request", figure(f.inputPerRequest, 1)),
            ("output_tokens_per_request", figure(f.outputPerRequest, 1)),
            ("cached_input_share", figure(f.cachedShare, 4)),
            ("batch_share", figure(f.batchShare, 4)),
            ("standard_errors_are", .string("the spread of the monthly values ÷ √months")),
        ])))
        if let classes = f.classes {
            out.append(("request_classes", .object([
                ("from", .string("request-size histograms of per-request logs")),
                ("split_at_prompt_tokens", .array(classes.cuts.map { .number(Double($0)) })),
                ("long_context_thresholds", .array(Set(options.longContextThresholds).sorted().map { .number(Double($0)) })),
                ("thresholds_split_at_a_bin_edge", .array(classes.approximated.map { a in
                    .object([("threshold", .number(Double(a.threshold))), ("split_at", .number(Double(a.edge)))])
                })),
                ("requests", .array(classes.classes.map { .number(Double($0.requests)) })),
            ])))
        } else {
            out.append(("request_classes", .null))
        }
        out.append(("cache_write_share_of_input", optional(f.cacheWriteShare.map { Round.decimals($0, 4) })))
        if let shape = f.shape {
            out.append(("load_shape", .object([("time_zone", .string(options.timeZone.identifier)),
                                                ("peak_to_average", .number(Round.decimals(shape.peakToAverage, 3)))])))
        } else {
            out.append(("load_shape", .null))
        }
        out.append(("notes", .array(notes.map { .string($0) })))
        return .object(out)
    }

    static func optional(_ x: Double?) -> JSONNode { x.map { .number($0) } ?? .null }

    /// Months with usage in the window that were not complete.
    static func leftOut(_ history: UsageHistory, _ options: FitOptions, kept: Set<CalendarMonth>) -> [CalendarMonth] {
        history.dataMonths.filter { m in
            !kept.contains(m) && (options.since.map { m >= $0 } ?? true) && (options.until.map { m <= $0 } ?? true)
        }
    }
}

extension JSONNode {
    static let null = JSONNode(.null, at: .start)
}
