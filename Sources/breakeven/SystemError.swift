import Foundation

/// errno as the end of a sentence a user reads ("cannot write x: the disk is full"), never as
/// `NSCocoaErrorDomain error 512`.
enum SystemError {
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "the disk is full"
        case EDQUOT: return "the disk quota is used up"
        case ENAMETOOLONG: return "the file name is too long"
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "the file system is read-only"
        case ENOTDIR: return "a part of the path is a file, not a folder"
        case EISDIR: return "it is a folder"
        case ENOENT: return "no such file or folder"
        case EIO: return "an input/output error"
        case EMFILE, ENFILE: return "too many open files"
        default: return String(cString: strerror(code))
        }
    }
}
