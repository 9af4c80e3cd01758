package dev.tokenbill.generate;

/** One usage event while it is generated; a single instance is reused for every row. Quantity -1 = empty cell. */
final class Event {

    long millis;
    int day;
    int customer;
    int plan;
    ModelProfile model;
    long input;
    long cached;
    long output;
    long gpuTenths;

    void clearQuantities() {
        input = -1;
        cached = -1;
        output = -1;
        gpuTenths = -1;
    }
}
