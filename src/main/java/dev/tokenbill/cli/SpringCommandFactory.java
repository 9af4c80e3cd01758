package dev.tokenbill.cli;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/** Lets picocli create commands as Spring beans, with their collaborators injected. */
@Component
public class SpringCommandFactory implements CommandLine.IFactory {

    private final ApplicationContext context;

    public SpringCommandFactory(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return context.getBean(type);
        } catch (org.springframework.beans.BeansException e) {
            return context.getAutowireCapableBeanFactory().createBean(type);
        }
    }

}
