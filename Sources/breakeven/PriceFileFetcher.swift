import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches one community price file over HTTPS, with a conditional GET against a cached copy
/// under `$XDG_CACHE_HOME/breakeven/prices/` (ETag → If-None-Match, Last-Modified →
/// If-Modified-Since) and a timeout. The cache is written only by `store(_:)`, after the file
/// imported: a body that does not import never replaces a good copy.
struct PriceFileFetcher {
    /// What came back.
    struct Fetched {
        var body: Data
        /// The server's `Last-Modified` day: the file's own date, when it gives one.
        var lastModified: Date?
        /// True for a 304: the cached copy is still current.
        var fromCache: Bool
        var etag: String?
        var lastModifiedHeader: String?
    }

    enum Failure: Error {
        /// No answer: offline, refused, timed out, or the connection dropped mid-body.
        case unreachable(String)
        /// An HTTP status other than 200 or 304.
        case status(Int)
    }

    let name: String
    let url: URL
    let timeout: TimeInterval
    let cacheDirectory: URL

    private var bodyURL: URL { cacheDirectory.appendingPathComponent("\(name).json") }
    private var metaURL: URL { cacheDirectory.appendingPathComponent("\(name).meta.json") }

    /// What the cache remembers of the last copy that imported.
    struct Meta: Codable {
        var url: String
        var etag: String?
        var lastModified: String?
    }

    private var cached: (meta: Meta, body: Data)? {
        guard let metaData = try? Data(contentsOf: metaURL), let meta = try? JSONDecoder().decode(Meta.self, from: metaData),
              meta.url == url.absoluteString, let body = try? Data(contentsOf: bodyURL) else { return nil }
        return (meta, body)
    }

    func fetch() throws(Failure) -> Fetched {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        let cache = cached
        if let meta = cache?.meta {
            if let etag = meta.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
            if let modified = meta.lastModified { request.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }
        }
        let (data, response, error) = Self.send(request, timeout: timeout)
        if let error { throw .unreachable(describe(error)) }
        guard let http = response as? HTTPURLResponse else { throw .unreachable("no HTTP response") }
        let etag = http.value(forHTTPHeaderField: "ETag")
        let modified = http.value(forHTTPHeaderField: "Last-Modified")
        switch http.statusCode {
        case 304:
            guard let cache else { throw .status(304) }
            return Fetched(body: cache.body, lastModified: Self.httpDate(cache.meta.lastModified), fromCache: true,
                           etag: etag ?? cache.meta.etag, lastModifiedHeader: modified ?? cache.meta.lastModified)
        case 200:
            guard let data else { throw .unreachable("an empty answer") }
            if http.expectedContentLength >= 0, Int64(data.count) != http.expectedContentLength {
                throw .unreachable("the body ended after \(data.count) of \(http.expectedContentLength) bytes")
            }
            return Fetched(body: data, lastModified: Self.httpDate(modified), fromCache: false, etag: etag, lastModifiedHeader: modified)
        default:
            throw .status(http.statusCode)
        }
    }

    /// The reason in the command's own words (URLSession's vary by platform).
    private func describe(_ error: any Error) -> String {
        switch (error as? URLError)?.code {
        case .timedOut?: "no answer within \(NumberText.seconds(timeout))"
        case .networkConnectionLost?: "the connection closed before the whole file arrived"
        case .cannotConnectToHost?: "the server refused the connection"
        case .cannotFindHost?, .dnsLookupFailed?: "the server's name does not resolve"
        case .notConnectedToInternet?: "no network connection"
        // FoundationNetworking on Linux reports libcurl's CURLE_PARTIAL_FILE as an unknown error.
        case .unknown? where error.localizedDescription.hasPrefix("transfer closed with"):
            "the connection closed before the whole file arrived"
        default: error.localizedDescription
        }
    }

    /// Keeps the copy that imported, with its validators, for the next conditional GET.
    func store(_ fetched: Fetched) throws {
        try FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        try fetched.body.write(to: bodyURL, options: .atomic)
        let meta = Meta(url: url.absoluteString, etag: fetched.etag, lastModified: fetched.lastModifiedHeader)
        try JSONEncoder().encode(meta).write(to: metaURL, options: .atomic)
    }

    /// One request on its own session, waited for (the command has nothing else to do meanwhile).
    private static func send(_ request: URLRequest, timeout: TimeInterval) -> (Data?, URLResponse?, (any Error)?) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        session.dataTask(with: request) { data, response, error in
            box.set(data, response, error)
            done.signal()
        }.resume()
        done.wait()
        return box.value
    }

    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (Data?, URLResponse?, (any Error)?) = (nil, nil, nil)

        func set(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?) {
            lock.lock()
            stored = (data, response, error)
            lock.unlock()
        }

        var value: (Data?, URLResponse?, (any Error)?) {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
    }

    /// `Wed, 21 Oct 2026 07:28:00 GMT` (RFC 9110 IMF-fixdate).
    static func httpDate(_ text: String?) -> Date? {
        guard let text else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}

enum NumberText {
    /// `1 s`, `2.5 s`
    static func seconds(_ x: Double) -> String {
        (x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x)) + " s"
    }
}
