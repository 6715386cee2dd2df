package io.nioredis.scripting;

import java.util.Map;

/** What FUNCTION LOAD produced: the library's name, its code (for FUNCTION DUMP/LIST) and its functions. */
public record FunctionLibrary(String name, byte[] code, Map<String, RegisteredFunction> functions) {}
