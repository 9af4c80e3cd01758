package dev.tokenbill;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The tokenbill executable: starts Spring, runs one CLI command, exits with its code. */
@SpringBootApplication
public class TokenbillApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(TokenbillApplication.class, args);
        System.exit(SpringApplication.exit(context));
    }
}
