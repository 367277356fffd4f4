import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 for the `catalog update` tests: one POSIX socket, one
/// thread, one request per connection, answers scripted by path. Nothing leaves the machine.
final class LocalHTTPServer: @unchecked Sendable {
    enum Answer {
        /// 200 with the body, an ETag and optionally a Last-Modified date.
        case ok(Data, etag: String, lastModified: String?)
        /// 304 when the request's If-None-Match equals the ETag, else 200 as `ok`.
        case conditional(Data, etag: String)
        case notFound
        /// Declares more bytes than it sends, then closes.
        case truncated(Data, declared: Int)
        /// Accepts and never answers.
        case silence
    }

    private let socketFD: Int32
    let port: UInt16
    private let lock = NSLock()
    private var answers: [String: Answer]
    private var requests: [String] = []
    private var held: [Int32] = []
    private var stopped = false

    init(_ answers: [String: Answer]) throws {
        self.answers = answers
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        socketFD = fd
        port = UInt16(bigEndian: actual.sin_port)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The request lines and headers received, one string per request.
    var received: [String] {
        lock.lock()
        defer { lock.unlock() }
        return requests
    }

    func stop() {
        lock.lock()
        stopped = true
        let open = held
        held = []
        lock.unlock()
        for fd in open { close(fd) }
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }

    private func serve() {
        while true {
            let client = accept(socketFD, nil, nil)
            guard client >= 0 else { return }
            lock.lock()
            let done = stopped
            lock.unlock()
            if done {
                close(client)
                return
            }
            handle(client)
        }
    }

    private func handle(_ client: Int32) {
        var request = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.contains(Data("\r\n\r\n".utf8)) {
            let n = read(client, &buffer, buffer.count)
            guard n > 0 else { break }
            request.append(contentsOf: buffer[0..<n])
        }
        let text = String(decoding: request, as: UTF8.self)
        let path = text.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        lock.lock()
        requests.append(text)
        let answer = answers[path] ?? .notFound
        lock.unlock()

        func send(_ head: String, _ body: Data = Data()) {
            var bytes = Data(head.utf8)
            bytes.append(body)
            bytes.withUnsafeBytes { raw in _ = write(client, raw.baseAddress, raw.count) }
        }
        switch answer {
        case let .ok(body, etag, lastModified):
            send("HTTP/1.1 200 OK\r\nContent-Length: \(body.count)\r\nETag: \(etag)\r\n"
                 + (lastModified.map { "Last-Modified: \($0)\r\n" } ?? "") + "Connection: close\r\n\r\n", body)
        case let .conditional(body, etag):
            if text.lowercased().contains("if-none-match: \(etag.lowercased())") {
                send("HTTP/1.1 304 Not Modified\r\nETag: \(etag)\r\nConnection: close\r\n\r\n")
            } else {
                send("HTTP/1.1 200 OK\r\nContent-Length: \(body.count)\r\nETag: \(etag)\r\nConnection: close\r\n\r\n", body)
            }
        case .notFound:
            send("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        case let .truncated(body, declared):
            send("HTTP/1.1 200 OK\r\nContent-Length: \(declared)\r\nConnection: close\r\n\r\n", body)
        case .silence:
            lock.lock()
            held.append(client)
            lock.unlock()
            return
        }
        close(client)
    }
}
