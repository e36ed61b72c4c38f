#!/usr/bin/env bash
# The cost of the two algorithm suites (docs/benchmarks.md, Field encryption): encrypting,
# decrypting and hashing a phone number and an ID card number with FieldCipher, standard (AES-GCM,
# HMAC-SHA256, SHA-256) against national (SM4-GCM, HMAC-SM3, SM3), on one thread, after a warm-up.
# Needs the compiled classes: ./mvnw -q -o compile first.
set -euo pipefail
cd "$(dirname "$0")/.."
BC=$(ls ~/.m2/repository/org/bouncycastle/bcprov-jdk18on/*/bcprov-jdk18on-*.jar | sort -V | tail -n 1)
CP="target/classes:$BC:$(ls ~/.m2/repository/org/jspecify/jspecify/*/jspecify-*.jar | sort -V | tail -n 1)"
ROUNDS=${ROUNDS:-200000}
cat > /tmp/grassroots-crypto-bench.jsh <<JSH
import org.grassroots.shared.*;
int rounds = $ROUNDS;
byte[] key = new byte[32];
new java.security.SecureRandom().nextBytes(key);
void time(String name, int n, Runnable op) {
  for (int i = 0; i < n / 4; i++) op.run();
  long start = System.nanoTime();
  for (int i = 0; i < n; i++) op.run();
  double micros = (System.nanoTime() - start) / 1000.0 / n;
  System.out.printf("| %s | %.2f | %.0f |%n", name, micros, 1_000_000 / micros);
}
System.out.println("| operation | µs per call | calls per second |");
System.out.println("|---|---|---|");
for (CryptoSuite suite : CryptoSuite.values()) {
  FieldCipher cipher = new FieldCipher(suite, key, java.util.List.of());
  String phone = cipher.encrypt("13800138000");
  String id = cipher.encrypt("500108199203150021");
  String s = suite.setting();
  time(s + ": encrypt a phone", rounds, () -> cipher.encrypt("13800138000"));
  time(s + ": decrypt a phone", rounds, () -> cipher.decrypt(phone));
  time(s + ": rewrite an ID number (decrypt, encrypt, look-up hash)", rounds, () -> { String c = cipher.decrypt(id); cipher.encrypt(c); cipher.lookupHash(c); });
  time(s + ": look-up hash", rounds, () -> cipher.lookupHash("13800138000"));
  time(s + ": hash a 1 KB audit record", rounds, () -> suite.hash("x".repeat(1024)));
}
/exit
JSH
jshell --class-path "$CP" -R-Xmx512m /tmp/grassroots-crypto-bench.jsh
