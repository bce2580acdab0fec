package com.contoso.landingzone;

import com.hashicorp.cdktf.App;

/** The landing zone's cdktf app: {@code cdktf synth} (or {@code mvn -q compile exec:java}) writes cdktf.out. */
public final class LandingZoneApp {
    /** The stack's name, also its folder under cdktf.out/stacks. */
    public static final String STACK_NAME = "landing-zone-aoai";

    private LandingZoneApp() {}

    /**
     * Builds the landing zone's stack into an app.
     *
     * @param app the app (a test passes {@code Testing.app()})
     * @return the stack
     */
    public static LandingZoneStack build(App app) {
        return new LandingZoneStack(app, STACK_NAME);
    }

    /**
     * Synthesizes the stack; bad input fails here with messages naming the props fields.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }
}
