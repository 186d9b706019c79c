package org.quartermaster.access;

/**
 * A login attempt: the name and password typed, the one-time code (null when the form had none),
 * the client's address (for throttling and the log) and the session token the client held
 * before, if any, which the login retires (tokens rotate at login).
 */
public record Login(String userName, String password, String oneTimeCode, String address, String previousToken) {
    @Override
    public String toString() {
        return "Login[" + userName + ", password=***, code=***, " + address + "]";
    }
}
